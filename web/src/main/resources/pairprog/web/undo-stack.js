/**
 * Undo and redo of one's own edits in a shared document (ot.js `UndoManager`). CodeMirror's own
 * history would also undo what others typed; here the stacks hold only the inverses of local
 * edits, and every remote operation is transformed through them so that an undo still removes
 * exactly one's own text, wherever it has moved.
 */
import { TextOperation } from './text-operation.js';

const MERGE_WINDOW_MS = 800; // keystrokes closer than this undo together
const MAX_DEPTH = 200;

export class UndoStack {
  constructor() {
    this.undoStack = [];
    this.redoStack = [];
    this.mode = 'normal'; // 'undoing' | 'redoing' while an undo/redo is being applied
    this.lastAdd = 0;
  }

  /**
   * Records the inverse of a local edit. While undoing it lands on the redo stack, while redoing on
   * the undo stack; a fresh edit clears the redo stack. Quick successive typing merges:
   * `inverse.compose(top)` undoes the newer edit first, then the older.
   */
  add(inverse) {
    const now = Date.now();
    const mode = this.mode;
    this.mode = 'normal';
    if (mode === 'undoing') {
      this.redoStack.push(inverse);
    } else if (mode === 'redoing') {
      this.undoStack.push(inverse);
    } else {
      const top = this.undoStack[this.undoStack.length - 1];
      if (top && now - this.lastAdd < MERGE_WINDOW_MS) {
        this.undoStack[this.undoStack.length - 1] = inverse.compose(top);
      } else {
        this.undoStack.push(inverse);
        if (this.undoStack.length > MAX_DEPTH) {
          this.undoStack.shift();
        }
      }
      this.redoStack = [];
      this.lastAdd = now;
    }
  }

  /** Moves both stacks past a remote operation that was just applied to the document. */
  transform(op) {
    this.undoStack = transformStack(this.undoStack, op);
    this.redoStack = transformStack(this.redoStack, op);
  }

  /**
   * Applies the newest undoable inverse through `apply(op)`, which must report the resulting edit
   * back through `add` - possibly later, when CodeMirror's operation ends, so the mode is consumed
   * by that `add` rather than reset here.
   */
  undo(apply) {
    this.run('undoing', this.undoStack, apply);
  }

  redo(apply) {
    this.run('redoing', this.redoStack, apply);
  }

  run(mode, stack, apply) {
    const op = stack.pop();
    if (!op) {
      return;
    }
    this.mode = mode;
    this.lastAdd = 0;
    apply(op);
  }

  clear() {
    this.undoStack = [];
    this.redoStack = [];
  }
}

/** Each entry past `op`, newest first: entry' applies after op, op' after the entry. */
function transformStack(stack, op) {
  const moved = [];
  for (let i = stack.length - 1; i >= 0; i--) {
    const { aPrime, bPrime } = TextOperation.transform(stack[i], op);
    if (!aPrime.isNoop()) {
      moved.push(aPrime);
    }
    op = bPrime;
  }
  return moved.reverse();
}
