/**
 * CodeMirror 5 as the OT client sees it (ot.js `CodeMirrorAdapter`): local edits come out as
 * TextOperations, remote operations go in without being echoed back, selections are read as
 * UTF-16 offsets, and peers' selections are drawn in their colour.
 *
 * The editor is created with `lineSeparator: "\n"`, so "\r" is an ordinary character and the
 * document CodeMirror holds is exactly the server's text; offsets need no conversion.
 */
import { TextOperation } from './text-operation.js';
import { Selection } from './selection.js';

const REMOTE = '*remote'; // change origin of applied remote operations
const UNDO = '*undo'; // change origin of undo and redo steps, which the undo manager already holds
const SAFE_COLOR = /^(#[0-9a-fA-F]{3,8}|(rgb|hsl)a?\([0-9.,%\s]+\))$/;

/** A colour from the server, or a neutral grey if it is not a plain CSS colour. */
export function safeColor(color) {
  return typeof color === 'string' && SAFE_COLOR.test(color.trim()) ? color.trim() : '#8b8fa3';
}

export class EditorAdapter {
  constructor(cm) {
    this.cm = cm;
    this.applyingRemote = false;
    this.callbacks = {};
    cm.on('changes', (_, changes) => this.onChanges(changes));
    cm.on('cursorActivity', () => this.trigger('selectionChange'));
  }

  /**
   * `change(op, inverse, undoStep)`: a local edit, already in the editor; `inverse` undoes it;
   * `undoStep` when it is an undo or redo step applied with `applyOperation(op, { local: true })`.
   * `selectionChange()`: the local selection moved.
   */
  registerCallbacks(callbacks) {
    Object.assign(this.callbacks, callbacks);
  }

  trigger(event, ...args) {
    const callback = this.callbacks[event];
    if (callback) {
      callback.apply(null, args);
    }
  }

  getValue() {
    return this.cm.getValue();
  }

  /** Replaces the whole text without reporting it as a local edit (the first `initial_code`). */
  setValue(text) {
    this.applyingRemote = true;
    try {
      this.cm.setValue(text);
      this.cm.clearHistory();
    } finally {
      this.applyingRemote = false;
    }
  }

  /**
   * Applies an operation to the editor. A remote one (the default) is not reported back through
   * `change`; a local one (an undo or redo step) is, like typing, marked as an undo step. Returns
   * the offset just after the last change, where a caret belongs after an undo.
   */
  applyOperation(op, { local = false } = {}) {
    const cm = this.cm;
    if (!local && cm.curOp) {
      // Our 'changes' handler would only run when the outer operation ends, after the guard is reset.
      throw new Error('applyOperation: called inside a CodeMirror operation');
    }
    let end = 0;
    this.applyingRemote = !local;
    try {
      cm.operation(() => {
        let index = 0;
        for (const c of op.components) {
          if (typeof c === 'string') {
            cm.replaceRange(c, cm.posFromIndex(index), undefined, local ? UNDO : REMOTE);
            index += c.length;
            end = index;
          } else if (c > 0) {
            index += c;
          } else {
            cm.replaceRange('', cm.posFromIndex(index), cm.posFromIndex(index - c), local ? UNDO : REMOTE);
            end = index;
          }
        }
      });
    } finally {
      this.applyingRemote = false;
    }
    return end;
  }

  /** The local selection as offsets, primary range first. */
  getSelection() {
    const cm = this.cm;
    const toRange = (anchor, head) => ({ anchor: cm.indexFromPos(anchor), head: cm.indexFromPos(head) });
    const primary = toRange(cm.getCursor('anchor'), cm.getCursor('head'));
    const others = cm.listSelections().map((r) => toRange(r.anchor, r.head))
      .filter((r) => r.anchor !== primary.anchor || r.head !== primary.head);
    return new Selection([primary, ...others]);
  }

  /** The document length in UTF-16 units. */
  length() {
    const cm = this.cm;
    const last = cm.lastLine();
    return cm.indexFromPos({ line: last, ch: cm.getLine(last).length });
  }

  /**
   * Draws a peer's selection: a tinted range per selection and a caret with the name above it.
   * Returns `{clear()}`. The name is set as textContent, never as HTML.
   */
  drawRemoteSelection(selection, color, name) {
    const cm = this.cm;
    const c = safeColor(color);
    const marks = [];
    cm.operation(() => {
      selection.ranges.forEach((range, i) => {
        const head = cm.posFromIndex(range.head);
        if (range.anchor !== range.head) {
          const a = cm.posFromIndex(Math.min(range.anchor, range.head));
          const b = cm.posFromIndex(Math.max(range.anchor, range.head));
          marks.push(cm.markText(a, b, { className: 'remote-selection', css: `background-color: ${withAlpha(c)}` }));
        }
        const caret = document.createElement('span');
        caret.className = 'remote-caret';
        caret.style.borderLeftColor = c;
        if (i === 0) {
          const label = document.createElement('span');
          label.className = head.line === 0 ? 'remote-label below' : 'remote-label';
          label.style.backgroundColor = c;
          label.textContent = name;
          caret.appendChild(label);
        }
        marks.push(cm.setBookmark(head, { widget: caret, insertLeft: true, handleMouseEvents: false }));
      });
    });
    return { clear: () => cm.operation(() => marks.forEach((m) => m.clear())) };
  }

  /**
   * Turns one CodeMirror operation's changes into a TextOperation (and its inverse). CodeMirror
   * reports them when its operation ends, with positions in the document as it was before each
   * change; walking them backwards from the final document, `indexFromPos` is rebuilt for the
   * document before each change (the ot.js algorithm), so every change lands at the right offset.
   */
  onChanges(changes) {
    if (this.applyingRemote || changes.every((c) => c.origin === REMOTE)) {
      return;
    }
    const cm = this.cm;
    let docEndLength = this.length();
    let operation = TextOperation.identity(docEndLength);
    let inverse = TextOperation.identity(docEndLength);
    let indexFromPos = (pos) => cm.indexFromPos(pos);
    for (let i = changes.length - 1; i >= 0; i--) {
      const change = changes[i];
      indexFromPos = beforeChange(indexFromPos, change);
      const from = indexFromPos(change.from);
      const inserted = change.text.join('\n');
      const removed = change.removed.join('\n');
      const rest = docEndLength - from - inserted.length;
      operation = TextOperation.builder().retain(from).delete(removed.length).insert(inserted).retain(rest).build()
        .compose(operation);
      inverse = inverse.compose(TextOperation.builder()
        .retain(from).delete(inserted.length).insert(removed).retain(rest).build());
      docEndLength += removed.length - inserted.length;
    }
    if (!operation.isNoop()) {
      this.trigger('change', operation, inverse, changes.every((c) => c.origin === UNDO));
    }
  }
}

/** Half-transparent version of a colour for selection backgrounds. */
function withAlpha(color) {
  if (/^#[0-9a-fA-F]{6}$/.test(color)) {
    return `${color}40`;
  }
  if (/^#[0-9a-fA-F]{3}$/.test(color)) {
    return `${color}4`;
  }
  return color;
}

const posLe = (a, b) => a.line < b.line || (a.line === b.line && a.ch <= b.ch);

/**
 * Given `indexFromPos` for the document after `change`, the same function for the document
 * before it: positions before the change are unaffected, positions after it are shifted to where
 * they are now and moved back by the length difference, positions inside the removed text count
 * from the change's start.
 */
function beforeChange(indexFromPos, change) {
  const insertedLength = change.text.join('\n').length;
  const removedLength = change.removed.join('\n').length;
  const lastInserted = change.text[change.text.length - 1].length;
  return (pos) => {
    if (posLe(pos, change.from)) {
      return indexFromPos(pos);
    }
    if (posLe(change.to, pos)) {
      const line = pos.line + change.text.length - 1 - (change.to.line - change.from.line);
      let ch;
      if (change.to.line < pos.line) {
        ch = pos.ch;
      } else if (change.text.length <= 1) {
        ch = pos.ch - (change.to.ch - change.from.ch) + insertedLength;
      } else {
        ch = pos.ch - change.to.ch + lastInserted;
      }
      return indexFromPos({ line, ch }) + removedLength - insertedLength;
    }
    if (change.from.line === pos.line) {
      return indexFromPos(change.from) + pos.ch - change.from.ch;
    }
    const removedLines = change.removed.slice(0, pos.line - change.from.line);
    return indexFromPos(change.from) + removedLines.join('\n').length + 1 + pos.ch;
  };
}
