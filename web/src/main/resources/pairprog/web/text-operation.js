/**
 * An edit of a plain-text document, the JavaScript twin of io.pairprog.ot.TextOperation: an
 * immutable list of components that an imaginary cursor runs through from the start of the
 * document to its end (ot.js). Lengths count UTF-16 code units, as `str.length` and Java's
 * String.length() do, so operations cross the wire without conversion.
 *
 * A component is stored in its wire form, `[5, "abc", -2]`:
 *   positive integer n  retain: keep the next n units
 *   string s            insert s at the cursor
 *   negative integer -n delete the next n units
 *
 * The laws, for a document S with S.length == a.baseLength:
 *   a.apply(S).length                == a.targetLength
 *   a.invert(S).apply(a.apply(S))    == S
 *   a.compose(b).apply(S)            == b.apply(a.apply(S))
 *   transform(a, b) = {aPrime, bPrime}  ==>  bPrime.apply(a.apply(S)) == aPrime.apply(b.apply(S))   (TP1)
 */

const isRetain = (c) => typeof c === 'number' && c > 0;
const isInsert = (c) => typeof c === 'string';
const isDelete = (c) => typeof c === 'number' && c < 0;
const lengthOf = (c) => (isInsert(c) ? c.length : Math.abs(c));

/** The one error of the OT layer; the message names the function and the values involved. */
export class OperationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'OperationError';
  }
}

/** An immutable, normalised operation; build one with `TextOperation.builder()` or `fromWire`. */
export class TextOperation {
  constructor(components, baseLength, targetLength) {
    this.components = Object.freeze(components);
    /** Length of the documents this operation applies to. */
    this.baseLength = baseLength;
    /** Length of the document `apply` returns. */
    this.targetLength = targetLength;
    Object.freeze(this);
  }

  /** A new, empty builder; `builder().build()` is the identity on the empty document. */
  static builder() {
    return new Builder();
  }

  /** The operation that keeps a document of `length` units as it is. */
  static identity(length) {
    return TextOperation.builder().retain(length).build();
  }

  /** True when the operation changes nothing. */
  isNoop() {
    return this.components.length === 0 || (this.components.length === 1 && isRetain(this.components[0]));
  }

  /** The edited document: `apply(S).length == targetLength`. */
  apply(doc) {
    requireBase('apply', this, doc);
    const out = [];
    let pos = 0;
    for (const c of this.components) {
      if (isInsert(c)) {
        out.push(c);
        continue;
      }
      if (isRetain(c)) {
        out.push(doc.slice(pos, pos + c));
      }
      pos += lengthOf(c);
    }
    return out.join('');
  }

  /** The operation that undoes this one: `invert(S).apply(apply(S)) == S`. */
  invert(doc) {
    requireBase('invert', this, doc);
    const inverse = TextOperation.builder();
    let pos = 0;
    for (const c of this.components) {
      if (isRetain(c)) {
        inverse.retain(c);
      } else if (isInsert(c)) {
        inverse.delete(c.length);
        continue;
      } else {
        inverse.insert(doc.slice(pos, pos - c));
      }
      pos += lengthOf(c);
    }
    return inverse.build();
  }

  /**
   * One operation with the effect of this one followed by `next`:
   * `compose(next).apply(S) == next.apply(apply(S))`.
   *
   * `next` walks the middle document; this operation's deletes are not in it, so the cursor hands
   * them out whole and they pass straight through.
   */
  compose(next) {
    if (this.targetLength !== next.baseLength) {
      throw new OperationError(`compose: target length ${this.targetLength} does not match the next operation's base length ${next.baseLength}`);
    }
    const out = TextOperation.builder();
    const first = new Cursor(this);
    for (const c of next.components) {
      if (isInsert(c)) {
        out.add(c);
        continue;
      }
      for (let n = lengthOf(c); n > 0;) {
        const piece = first.take(n, isDelete);
        if (isDelete(piece)) {
          out.add(piece);
          continue;
        }
        n -= lengthOf(piece);
        if (isRetain(c)) {
          out.add(piece);
        } else if (isRetain(piece)) {
          out.delete(piece);
        }
        // else next deletes text this operation inserted: neither survives.
      }
    }
    while (first.peek() !== null) {
      out.add(first.take(Infinity, isDelete)); // only deletes can be left
    }
    return out.build();
  }

  /**
   * Makes two concurrent operations on the same document sequential:
   * `bPrime.apply(a.apply(S)) == aPrime.apply(b.apply(S))` (TP1).
   *
   * When both insert at the same position, **a's insert goes first**. Server and clients always
   * pass the client's (not yet acknowledged) operation as `a`, so every site breaks the tie alike.
   */
  static transform(a, b) {
    if (a.baseLength !== b.baseLength) {
      throw new OperationError(`transform: base lengths differ (${a.baseLength} vs ${b.baseLength})`);
    }
    return { aPrime: transformAfter(a, b, true), bPrime: transformAfter(b, a, false) };
  }

  /**
   * Where a caret at `index` in the base document lands in the target document: it moves right
   * past text inserted before it or exactly at it (ot.js), left past text deleted before it, and to
   * the start of a deletion that swallows it.
   */
  transformIndex(index) {
    if (index < 0 || index > this.baseLength) {
      throw new OperationError(`transformIndex: index ${index} is outside the base document [0, ${this.baseLength}]`);
    }
    let moved = index;
    let ahead = index; // base units between the walk and the caret; negative once past it
    for (const c of this.components) {
      if (ahead < 0) {
        break;
      }
      if (isInsert(c)) {
        moved += c.length;
      } else {
        if (isDelete(c)) {
          moved -= Math.min(ahead, -c);
        }
        ahead -= lengthOf(c);
      }
    }
    return moved;
  }

  /**
   * True when this edit carries on `previous`, so that undo takes both back as one step (ot.js
   * `shouldBeComposedWith`, asked from the later edit): typing on where previous's insert left the
   * caret, or Backspace ending / Delete starting where previous deleted. Only a single insert or a
   * single delete continues anything; previous may also be a replacement (typing over a
   * selection), which counts as the insert it ends with.
   *
   * `since`: peers' operations, composed, applied between previous and this edit (none by
   * default). The caret previous left moves through them as `transformIndex` moves a caret, so a
   * peer typing elsewhere, or right at that caret, does not end a run of typing.
   */
  continues(previous, since = TextOperation.identity(previous.targetLength)) {
    if (previous.targetLength !== since.baseLength || since.targetLength !== this.baseLength) {
      throw new OperationError(`continues: lengths do not chain (previous ends at ${previous.targetLength}, since goes ${since.baseLength} to ${since.targetLength}, this starts at ${this.baseLength})`);
    }
    const before = runOf(previous);
    const after = runOf(this);
    if (before === null || after === null || (after.inserted > 0) === (after.deleted > 0)) {
      return false;
    }
    if (after.inserted > 0) {
      return before.inserted > 0 && after.start === since.transformIndex(before.start + before.inserted);
    }
    const caret = since.transformIndex(before.start);
    return before.inserted === 0 && (after.start === caret || after.start + after.deleted === caret);
  }

  /** The ot.js JSON form, e.g. `[5, "abc", -2]`; `fromWire(op.toWire())` equals `op`. */
  toWire() {
    return this.components.slice();
  }

  /**
   * Reads the wire form: non-zero integers and non-empty strings, normalised (`[2, 3]` reads as
   * `[5]`); anything else is rejected with a message naming the element.
   */
  static fromWire(components) {
    if (!Array.isArray(components)) {
      throw new OperationError(`fromWire: expected an array, got ${JSON.stringify(components)}`);
    }
    const op = TextOperation.builder();
    components.forEach((c, i) => {
      if (typeof c === 'string') {
        if (c === '') {
          throw new OperationError(`fromWire: element ${i} is an empty string (inserts must be non-empty)`);
        }
        op.insert(c);
      } else if (Number.isSafeInteger(c) && c !== 0) {
        if (c > 0) {
          op.retain(c);
        } else {
          op.delete(-c);
        }
      } else {
        throw new OperationError(`fromWire: element ${i} is ${JSON.stringify(c)}; expected a non-zero integer or a non-empty string`);
      }
    });
    return op.build();
  }

  /** Structural equality; the builder's normal form makes equal edits equal. */
  equals(other) {
    return other instanceof TextOperation
      && this.components.length === other.components.length
      && this.components.every((c, i) => c === other.components[i]);
  }

  toString() {
    return JSON.stringify(this.components);
  }
}

/**
 * `op` rewritten to apply after `other`, text-unicode style. `other`'s inserts become retains;
 * `op`'s inserts are handed out whole because they take no room in the base document.
 */
function transformAfter(op, other, opFirst) {
  const out = TextOperation.builder();
  const mine = new Cursor(op);
  for (const c of other.components) {
    if (isInsert(c)) {
      if (opFirst && isInsert(mine.peek())) {
        out.add(mine.take(Infinity, isInsert));
      }
      out.retain(c.length);
      continue;
    }
    for (let n = lengthOf(c); n > 0;) {
      const piece = mine.take(n, isInsert);
      if (isInsert(piece)) {
        out.add(piece);
        continue;
      }
      n -= lengthOf(piece);
      if (isRetain(c)) {
        out.add(piece);
      }
      // else other deleted this span: a retain of it is moot, a delete already done.
    }
  }
  while (mine.peek() !== null) {
    out.add(mine.take(Infinity, isInsert)); // only inserts can be left
  }
  return out.build();
}

/**
 * An edit at one place, `retain(start) insert(inserted units) delete(deleted) retain(rest)`, as
 * `{start, inserted, deleted}`; null when it changes nothing, or more than one place.
 */
function runOf(op) {
  let start = 0;
  let inserted = 0;
  let deleted = 0;
  let passed = false; // a retain has followed the change
  for (const c of op.components) {
    if (isRetain(c)) {
      if (inserted + deleted === 0) {
        start += c;
      } else {
        passed = true;
      }
    } else if (passed) {
      return null;
    } else if (isInsert(c)) {
      inserted += c.length;
    } else {
      deleted -= c;
    }
  }
  return inserted + deleted === 0 ? null : { start, inserted, deleted };
}

function requireBase(fn, op, doc) {
  if (typeof doc !== 'string') {
    throw new OperationError(`${fn}: document is not a string`);
  }
  if (doc.length !== op.baseLength) {
    throw new OperationError(`${fn}: base length ${op.baseLength} does not match document length ${doc.length}`);
  }
}

/**
 * Appends components and normalises as it goes, so that every edit has one representation: zero
 * counts and empty strings are dropped, neighbours of one kind merge, and an insert next to a
 * delete is placed before it (deleting then inserting at one position equals inserting then
 * deleting).
 */
class Builder {
  constructor() {
    this.ops = [];
    this.baseLength = 0;
    this.targetLength = 0;
  }

  /** Keeps the next `n` units; 0 is a no-op. */
  retain(n) {
    if (requireCount('retain', n)) {
      this.baseLength += n;
      this.targetLength += n;
      if (isRetain(this.last())) {
        this.ops[this.ops.length - 1] += n;
      } else {
        this.ops.push(n);
      }
    }
    return this;
  }

  /** Inserts `text` at the cursor; the empty string is a no-op. */
  insert(text) {
    if (typeof text !== 'string') {
      throw new OperationError(`insert: text is not a string: ${text}`);
    }
    if (text === '') {
      return this;
    }
    this.targetLength += text.length;
    let at = this.ops.length;
    if (isDelete(this.last())) {
      at--;
    }
    if (at > 0 && isInsert(this.ops[at - 1])) {
      this.ops[at - 1] += text;
    } else {
      this.ops.splice(at, 0, text);
    }
    return this;
  }

  /** Deletes the next `n` units; 0 is a no-op. */
  delete(n) {
    if (requireCount('delete', n)) {
      this.baseLength += n;
      if (isDelete(this.last())) {
        this.ops[this.ops.length - 1] -= n;
      } else {
        this.ops.push(-n);
      }
    }
    return this;
  }

  /** Appends one component in wire form. */
  add(c) {
    if (isInsert(c)) {
      return this.insert(c);
    }
    return c > 0 ? this.retain(c) : this.delete(-c);
  }

  /** The operation built so far. */
  build() {
    return new TextOperation(this.ops.slice(), this.baseLength, this.targetLength);
  }

  last() {
    return this.ops.length === 0 ? null : this.ops[this.ops.length - 1];
  }
}

function requireCount(fn, n) {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new OperationError(`${fn}: count must be a non-negative integer, got ${n}`);
  }
  return n > 0;
}

/**
 * Hands out an operation's components piece by piece (text-unicode's `makeTake`), so compose and
 * transform can walk two operations in step.
 */
class Cursor {
  constructor(op) {
    this.ops = op.components;
    this.index = 0;
    this.offset = 0; // units of ops[index] already handed out
  }

  /** What `take` would hand out next, or null at the end. */
  peek() {
    if (this.index === this.ops.length) {
      return null;
    }
    const c = this.ops[this.index];
    return this.offset === 0 ? c : slice(c, this.offset, lengthOf(c) - this.offset);
  }

  /** The next piece, at most `n` units long - except that components of kind `whole` come entire. */
  take(n, whole) {
    const c = this.ops[this.index];
    const left = lengthOf(c) - this.offset;
    if (n < left && !whole(c)) {
      const piece = slice(c, this.offset, n);
      this.offset += n;
      return piece;
    }
    const piece = this.offset === 0 ? c : slice(c, this.offset, left);
    this.index++;
    this.offset = 0;
    return piece;
  }
}

function slice(c, from, n) {
  if (isInsert(c)) {
    return c.slice(from, from + n);
  }
  return isRetain(c) ? n : -n;
}
