/**
 * A caret or a set of selected ranges, as offsets in UTF-16 units: the twin of
 * io.pairprog.ot.Selection and the `ranges` of the `cursor` message. Peers' selections stay in the
 * right place by being transformed through every operation applied since they were taken.
 */
export class Selection {
  /** `ranges`: `[{anchor, head}]`; `anchor` stays put while the user extends, `head` is the caret. */
  constructor(ranges) {
    if (!Array.isArray(ranges)) {
      throw new Error(`Selection: ranges is not an array: ${ranges}`);
    }
    this.ranges = Object.freeze(ranges.map(({ anchor, head }) => {
      if (!Number.isInteger(anchor) || !Number.isInteger(head) || anchor < 0 || head < 0) {
        throw new Error(`Selection: offsets must be non-negative integers, got anchor ${anchor}, head ${head}`);
      }
      return Object.freeze({ anchor, head });
    }));
    Object.freeze(this);
  }

  /** A single caret at `index`. */
  static cursor(index) {
    return new Selection([{ anchor: index, head: index }]);
  }

  /** This selection in `op`'s target document; both ends move as `op.transformIndex` says. */
  transform(op) {
    return new Selection(this.ranges.map((r) => ({
      anchor: op.transformIndex(r.anchor),
      head: op.transformIndex(r.head),
    })));
  }

  /** True when `other` has the same ranges in the same order (Java's record equality). */
  equals(other) {
    return other instanceof Selection && other.ranges.length === this.ranges.length
      && this.ranges.every((r, i) => r.anchor === other.ranges[i].anchor && r.head === other.ranges[i].head);
  }

  /** The ranges clamped into a document of `length` units (a guard for out-of-date input). */
  clamp(length) {
    const fit = (i) => Math.max(0, Math.min(length, i));
    return new Selection(this.ranges.map((r) => ({ anchor: fit(r.anchor), head: fit(r.head) })));
  }
}
