/**
 * Who is in the room and where their selections are: the twins of Java's `Presence`, `RemoteCursors`
 * and `CursorSender` in io.pairprog.client, line for line.
 *
 * One rule places a peer's cursor (a selection in the server's text at the message's revision): from our
 * own revision it moves past our unacknowledged edits; from an older one it first replays the stored
 * operations since (the last REMEMBERED_OPERATIONS are kept); from one we have not reached it is parked
 * until we get there. Ours goes out at most every THROTTLE_MILLIS, and only while nothing local is
 * unacknowledged, so that its offsets are the server's.
 */
import { Selection } from './selection.js';
import { ClientMessage } from './protocol.js';

/** Places peers' selections in the local document (Java `RemoteCursors`). */
export class RemoteCursors {
  /** Stored operations remembered to bring a late cursor up to date. */
  static REMEMBERED_OPERATIONS = 200;

  #capacity;
  #parked = new Map();
  #ring = null; // the remembered operations, oldest first from #first; the newest one made revision #newest
  #first = 0;
  #size = 0;
  #newest = -1;
  #length = 0; // the length of the server's text at #newest

  constructor(capacity) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new Error(`RemoteCursors: capacity must not be negative, got ${capacity}`);
    }
    this.#capacity = capacity;
  }

  /** A new text from the server: nothing before it can be replayed. */
  reset(revision, textLength) {
    this.#first = 0;
    this.#size = 0;
    this.#newest = revision;
    this.#length = textLength;
    this.#parked.clear();
  }

  /** The stored operation that made `revision`, in the server's coordinates. */
  remember(revision, op) {
    if (revision !== this.#newest + 1) {
      this.#size = 0; // a gap cannot be replayed across (OtClient refuses gaps, so this does not happen)
    }
    this.#newest = revision;
    this.#length = op.targetLength;
    if (this.#capacity === 0) {
      return;
    }
    if (this.#ring === null) {
      this.#ring = new Array(this.#capacity); // once, so remembering allocates nothing per message
    }
    if (this.#size === this.#capacity) {
      this.#ring[this.#first] = op;
      this.#first = (this.#first + 1) % this.#capacity;
    } else {
      this.#ring[(this.#first + this.#size) % this.#capacity] = op;
      this.#size++;
    }
  }

  /** Where `cursor` is in the local document; null when it is parked or older than what is remembered. */
  place(cursor, ot) {
    if (cursor.revision > ot.revision) {
      this.#parked.set(cursor.clientId, cursor); // an operation it refers to is still on its way
      return null;
    }
    this.#parked.delete(cursor.clientId);
    const behind = ot.revision - cursor.revision;
    if (behind > this.#size) {
      return null;
    }
    let selection = new Selection(cursor.ranges);
    for (let i = this.#size - behind; i < this.#size; i++) {
      const op = this.#ring[(this.#first + i) % this.#capacity];
      selection = selection.clamp(op.baseLength).transform(op);
    }
    return ot.transformSelection(selection.clamp(this.#length));
  }

  /** The parked cursors that `revision` has reached, taken out of the park. */
  due(revision) {
    const due = [];
    for (const [clientId, cursor] of this.#parked) {
      if (cursor.revision <= revision) {
        due.push(cursor);
        this.#parked.delete(clientId);
      }
    }
    return due;
  }

  /** `clientId`'s parked cursor is not wanted any more (the peer left). */
  forget(clientId) {
    this.#parked.delete(clientId);
  }

  /** The connection dropped: parked cursors belong to it. */
  forgetParked() {
    this.#parked.clear();
  }
}

/** Sends our selection as `cursor` (Java `CursorSender`). */
export class CursorSender {
  /** A burst of caret moves (holding an arrow key) costs one message per this many milliseconds. */
  static THROTTLE_MILLIS = 40;

  #client; #transport; #scheduler; #document;
  #dirty = false;
  #timer = null;
  #sent = null;
  #sentRevision = -1;

  constructor(client, transport, scheduler, document) {
    this.#client = client;
    this.#transport = transport;
    this.#scheduler = scheduler;
    this.#document = document;
  }

  /** The caret moved: send it when the throttle allows. */
  moved() {
    this.#dirty = true;
    if (this.#timer === null) {
      this.#timer = this.#scheduler.schedule(CursorSender.THROTTLE_MILLIS, () => {
        this.#timer = null;
        this.flush();
      });
    }
  }

  /** Joined on a new connection: the server knows no cursor of ours there yet. */
  joined() {
    this.#dirty = true;
    this.#sent = null;
  }

  /** Sends the selection if it changed and may be sent now; else keeps it for later. */
  flush() {
    if (!this.#dirty || !this.#client.maySendCursor()) {
      return;
    }
    const selection = this.#document.selection();
    const revision = this.#client.revision();
    if (selection === null || (revision === this.#sentRevision && selection.equals(this.#sent))) {
      this.#dirty = false;
      return;
    }
    if (this.#transport.send(ClientMessage.cursor(revision, selection.ranges))) {
      this.#dirty = false;
      this.#sent = selection;
      this.#sentRevision = revision;
    }
  }

  /** The client closed: no more sends. */
  cancel() {
    if (this.#timer !== null) {
      this.#timer();
      this.#timer = null;
    }
  }
}

/** Who is in the room and where their selections are, as the listener hears it (Java `Presence`). */
export class Presence {
  #listener; #ours;
  #everyone = new Map();
  #shown = new Set();
  #cursors = new RemoteCursors(RemoteCursors.REMEMBERED_OPERATIONS);

  constructor(listener, ours) {
    this.#listener = listener;
    this.#ours = ours;
  }

  remember(operations) {
    this.#cursors = new RemoteCursors(operations);
  }

  /** A new text from the server at `revision`: nothing before it can be replayed. */
  loaded(revision, length) {
    this.#cursors.reset(revision, length);
  }

  /** The stored operation that made `revision`, for cursors that trail it. */
  stored(revision, op) {
    this.#cursors.remember(revision, op);
  }

  /** The full list that ends a handshake replaces what was known; our cursor is new to this connection. */
  joined(participants, selfId) {
    this.#everyone.clear();
    participants.forEach((p) => this.#everyone.set(p.clientId, participant(p)));
    this.#publish(selfId);
    this.#ours.joined();
  }

  /** Someone joined or was renamed. */
  changed(p, selfId) {
    this.#everyone.set(p.clientId, participant(p));
    this.#publish(selfId);
  }

  /** Someone's last connection closed; their selection goes with them. */
  left(clientId, selfId) {
    this.#cursors.forget(clientId);
    this.#everyone.delete(clientId);
    if (this.#shown.delete(clientId)) {
      this.#listener.remoteSelection(clientId, null);
    }
    this.#publish(selfId);
  }

  /** We renamed ourselves: shown at once, before the server's `participant` confirms it. */
  renamed(selfId, name) {
    const self = this.#everyone.get(selfId);
    if (self !== undefined && name !== null && name !== undefined) {
      this.#everyone.set(selfId, participant({ ...self, name }));
      this.#publish(selfId);
    }
  }

  /** A peer's `cursor`; one that does not fit (a stale message) costs a caret, never the session. */
  cursor(cursor, ot) {
    if (cursor.clientId === ot.clientId) {
      return;
    }
    let selection;
    try {
      selection = this.#cursors.place(cursor, ot);
    } catch (e) {
      return;
    }
    if (selection !== null) {
      this.#shown.add(cursor.clientId);
      this.#listener.remoteSelection(cursor.clientId, selection);
    }
  }

  /** Our revision moved: parked cursors may fit now, and ours may go out. */
  stepped(ot) {
    for (const cursor of this.#cursors.due(ot.revision)) {
      this.cursor(cursor, ot);
    }
    this.#ours.flush();
  }

  /** The local caret moved. */
  moved() {
    this.#ours.moved();
  }

  /** Our connection dropped: the selections shown are stale; the server sends them again after `joined`. */
  dropped() {
    this.#cursors.forgetParked();
    for (const clientId of this.#shown) {
      this.#listener.remoteSelection(clientId, null);
    }
    this.#shown.clear();
  }

  /** The client closed: no more cursor sends. */
  cancel() {
    this.#ours.cancel();
  }

  #publish(selfId) {
    this.#listener.participants([...this.#everyone.values()], selfId);
  }
}

/** A participant as Java's record holds it: `{clientId, name, color, role}`, a missing role meaning `editor`. */
function participant({ clientId, name, color, role }) {
  return Object.freeze({ clientId, name: name ?? null, color: color ?? null, role: role ?? 'editor' });
}
