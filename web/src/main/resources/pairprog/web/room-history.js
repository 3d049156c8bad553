/**
 * A room's past through the REST API (docs/protocol.md, History): pages of history steps, the text
 * at any revision, and restoring one. A step is a run of one client's consecutive revisions,
 * `{fromRevision, toRevision, author, color, startedAt, endedAt, edits, inserted, deleted,
 * restoredRevision}`; the text before it is revision `fromRevision - 1`, after it `toRevision`.
 */
import { requestJson } from './ui.js';

const PAGE_SIZE = 50;
const CACHED_TEXTS = 120; // a revision's text never changes: the texts fetched last are kept

/**
 * Where `before` and `after` differ, as one replaced span (common prefix and suffix, never ending
 * inside a surrogate pair): `start` in both texts, the `inserted` text of `after`, the `deleted` one of `before`.
 */
export function changeBetween(before, after) {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
    prefix++;
  }
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) {
    prefix--;
  }
  let suffix = 0;
  while (suffix < shorter - prefix
      && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) {
    suffix--;
  }
  return {
    start: prefix,
    inserted: after.slice(prefix, after.length - suffix),
    deleted: before.slice(prefix, before.length - suffix),
  };
}

const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff;

export class RoomHistory {
  constructor(roomId) {
    this.base = `/rooms/${encodeURIComponent(roomId)}`;
    this.texts = new Map(); // revision -> Promise<string>, oldest entry first
  }

  /**
   * `GET /rooms/{id}/history`: up to a page of steps before revision `before` (null: up to now), newest
   * first, and the `nextBefore` of the page after it (null once revision 1 is in).
   */
  async page(before) {
    const query = before === null ? `limit=${PAGE_SIZE}` : `before=${before}&limit=${PAGE_SIZE}`;
    const page = await requestJson(`${this.base}/history?${query}`);
    if (!Array.isArray(page.steps)) {
      throw new Error('the history answer has no steps');
    }
    return { steps: page.steps, nextBefore: page.nextBefore == null ? null : page.nextBefore };
  }

  /** `GET /rooms/{id}/revisions/{n}`: the text at `revision`; revision 0 is the empty text. */
  text(revision) {
    if (revision <= 0) {
      return Promise.resolve('');
    }
    let text = this.texts.get(revision);
    if (!text) {
      text = requestJson(`${this.base}/revisions/${revision}`).then((body) => {
        if (typeof body.code !== 'string') {
          throw new Error(`revision ${revision}: the answer has no code`);
        }
        return body.code;
      });
      text.catch(() => this.texts.delete(revision)); // a failure is not remembered
      this.texts.set(revision, text);
      if (this.texts.size > CACHED_TEXTS) {
        this.texts.delete(this.texts.keys().next().value);
      }
    }
    return text;
  }

  /**
   * `POST /rooms/{id}/restore`: makes the text at `revision` current again as one new revision, recorded
   * as `name`'s; answers `{revision, restoredRevision, changed}` (`changed` false if it already was).
   */
  restore(revision, name) {
    return requestJson(`${this.base}/restore`, { method: 'POST', body: { revision, name } });
  }
}
