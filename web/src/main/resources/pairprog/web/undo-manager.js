/**
 * Undo and redo of one's own edits in a shared document (ot.js `UndoManager`), the JavaScript
 * twin of io.pairprog.ot.UndoManager, with the same rule and constants. CodeMirror's own history
 * would take back whatever changed last, a peer's typing included; here the stacks hold only the
 * inverses of local edits, and every remote operation is transformed through them, so the top
 * inverse always applies to the current text:
 *
 *   undo stack (top first): inv(n), inv(n-1), ...     inv(n) applies to the current text
 *   remote op r arrives:    inv(n)' = transform(inv(n), r).aPrime, and r moves on past inv(n)
 *                           (as its bPrime) to transform inv(n-1), and so on down the stack.
 *
 * One undo step is a group of edits. An edit joins the step before it when the same input event
 * made both, or when it `continues` the previous edit - typing on, Backspace or Delete again,
 * wherever peers' edits have moved that place - less than MERGE_WINDOW_MILLIS after it. An undo or
 * redo ends the step. At most MAX_DEPTH steps are kept, the oldest dropped first; the undo and
 * redo stacks together never hold more.
 *
 * The laws, for the current text T:
 *   undo then redo restores the text:  redo(undo(T)) == T, and undo(redo(T)) == T
 *   undo after remote operations undoes only one's own edits: an undo never removes text that a
 *   peer inserted or that was there before one's own edits; after undoing every step, none of
 *   one's own text is left and all the text the peers' edits alone would leave is there - plus
 *   any text both sides deleted, which one's undo brings back.
 */
import { OperationError, TextOperation } from './text-operation.js';

export class UndoManager {
  /** Edits this close together may join one step, if the later one continues the earlier. */
  static MERGE_WINDOW_MILLIS = 1000;

  /** Steps kept for undo (and redo); the oldest is dropped first. */
  static MAX_DEPTH = 200;

  constructor() {
    this.undoStack = []; // inverses, newest last
    this.redoStack = [];
    this.last = null; // the latest edit of the top step while that step may grow, else null
    this.since = null; // peers' operations applied after last, composed
    this.lastMillis = 0;
  }

  /**
   * Records a local edit `op`, already applied, with its `inverse`. It joins the top step when
   * `sameEvent` (one input event made it and the edit before) or when it continues the edit
   * before within the merge window; otherwise it starts a step. The redo stack is cleared. A no-op
   * changes nothing.
   */
  add(op, inverse, sameEvent, nowMillis) {
    if (inverse.baseLength !== op.targetLength || inverse.targetLength !== op.baseLength) {
      throw new OperationError(`add: inverse ${inverse} does not undo ${op}`);
    }
    const top = this.undoStack[this.undoStack.length - 1];
    if (top && top.baseLength !== op.baseLength) {
      throw new OperationError(`add: edit of a document of length ${op.baseLength}, but the undo history is at length ${top.baseLength}`);
    }
    if (op.isNoop()) {
      return;
    }
    this.redoStack = [];
    const joins = this.last !== null && top !== undefined && (sameEvent
      || (nowMillis - this.lastMillis < UndoManager.MERGE_WINDOW_MILLIS && op.continues(this.last, this.since)));
    if (!joins) {
      push(this.undoStack, inverse);
      this.last = op;
    } else {
      const step = inverse.compose(this.undoStack.pop()); // undoes the newer edit first, then the older
      if (!step.isNoop()) {
        this.undoStack.push(step);
      }
      // One event's edits count as one, as an editor that reports them together would show them.
      this.last = step.isNoop() ? null : sameEvent ? this.last.compose(this.since).compose(op) : op;
    }
    this.since = TextOperation.identity(op.targetLength);
    this.lastMillis = nowMillis;
  }

  /** A remote operation was applied to the text: moves both stacks past it (ot.js `transformStack`). */
  transform(remote) {
    const steps = this.undoStack.length;
    this.undoStack = transformStack(this.undoStack, remote);
    this.redoStack = transformStack(this.redoStack, remote);
    if (this.last !== null) {
      // A step the peer's edit emptied is gone; what is on top now is older and stays closed.
      this.last = this.undoStack.length === steps ? this.last : null;
      this.since = this.last === null ? null : this.since.compose(remote);
    }
  }

  /** True when there is a step to undo. */
  canUndo() {
    return this.undoStack.length !== 0;
  }

  /** True when there is a step to redo. */
  canRedo() {
    return this.redoStack.length !== 0;
  }

  /**
   * Takes the latest step off the undo stack and returns it, for the caller to apply to the text
   * `doc` and send like typing - but not to `add`: its inverse goes onto the redo stack here. Null
   * when there is nothing to undo.
   */
  undo(doc) {
    return this.step(this.undoStack, this.redoStack, doc);
  }

  /** The inverse of `undo`: the latest undone step, to apply to `doc`; null when none. */
  redo(doc) {
    return this.step(this.redoStack, this.undoStack, doc);
  }

  /** Forgets every step: the text was replaced (a reload). */
  clear() {
    this.undoStack = [];
    this.redoStack = [];
    this.last = null;
    this.since = null;
  }

  step(from, to, doc) {
    this.last = null;
    this.since = null;
    if (from.length === 0) {
      return null;
    }
    const op = from[from.length - 1];
    const back = op.invert(doc); // first, so a wrong doc leaves both stacks as they were
    from.pop();
    to.push(back);
    return op;
  }
}

function push(stack, inverse) {
  stack.push(inverse);
  if (stack.length > UndoManager.MAX_DEPTH) {
    stack.shift();
  }
}

/** Each entry past `op`, newest first: entry' applies after op, and op' after the entry. */
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
