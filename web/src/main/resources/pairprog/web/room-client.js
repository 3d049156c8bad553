/**
 * One client in one room: ot.js's `EditorClient` without the editor, the line-for-line twin of Java's
 * `RoomClient` in io.pairprog.client, held to the same exchanges by
 * conversation-vectors.json. It runs the handshake, routes operations and acks to its OtClient, keeps
 * presence, sends our cursor, and does what protocol.js's `clientAction` and `reconnect` say.
 *
 * It talks out through four objects (Java's interfaces):
 * - transport: `send(message)` → false when no connection is open, `connect()` (drop the one held, open
 *   a new one), `disconnect()`; nothing of a dropped connection may reach the client afterwards;
 * - scheduler: `schedule(delayMillis, task)` → a function that cancels it;
 * - document: `reset(text)`, `applyRemote(op)`, `selection()` (a Selection, or null to send none);
 * - listener: `status(status)`, `participants(everyone, selfId)`, `remoteSelection(clientId, selection)`,
 *   `language(language, byClientId)`, `notice({kind, code, message})`, `closed(code, why)`, each optional.
 * The transport reports back through `opened()`, `receive(message)` and `closed(code, reason)`. Everything
 * runs on the page's one thread.
 */
import { OperationError } from './text-operation.js';
import { ClientMessage } from './protocol.js';
import { Backoff, Link, Phase, Resender, Sync } from './room-link.js';
import { CursorSender, Presence } from './room-presence.js';
import { Replica } from './room-replica.js';
import { NoticeKind, Refusals, notice } from './room-refusals.js';

export { NoticeKind, Phase, Sync };

const SILENT = Object.freeze({
  status() {}, participants() {}, remoteSelection() {}, language() {}, notice() {}, closed() {},
});

export class RoomClient {
  #readOnlyLink; #transport; #listener; #link; #resender; #presence; #replica; #refusals;
  #closedByUser = false;

  /**
   * `clientIds(n)` is the client id after the n-th start over (0: the first); each must be new to the
   * room, since starting over restarts clientSeq. `readOnly`: joined through a view-only link.
   */
  constructor(clientIds, name, readOnly, transport, scheduler, document, listener) {
    const random = Math.random;
    const hears = Object.fromEntries(Object.keys(SILENT).map((k) => [k, (...args) => (listener[k] || SILENT[k]).apply(listener, args)]));
    const text = { reset: (t) => document.reset(t), applyRemote: (op) => document.applyRemote(op), selection: () => (document.selection ? document.selection() : null) };
    this.#readOnlyLink = readOnly;
    this.#transport = transport;
    this.#listener = hears;
    this.#link = new Link(this, transport, scheduler, hears, new Backoff(random));
    this.#resender = new Resender(scheduler, new Backoff(random));
    this.#presence = new Presence(hears, new CursorSender(this, transport, scheduler, text));
    this.#replica = new Replica(this, clientIds, name, transport, text, hears, this.#link, this.#presence, this.#resender);
    this.#refusals = new Refusals(this, this.#replica, this.#link, this.#resender, hears);
  }

  /** Tuning, before `start()`: the source of the backoffs' jitter, in [0, 1) (a constant in the vectors). */
  jitter(random) {
    this.#link.backoff(new Backoff(random));
    this.#resender.backoff(new Backoff(random));
    return this;
  }

  /** Tuning, before `start()`: stored operations kept to place a late cursor (0 for a client that shows none). */
  rememberOperations(count) {
    this.#presence.remember(count);
    return this;
  }

  /** Connects for the first time. */
  start() {
    this.#link.connect();
  }

  /** Leaves the room for good: the connection is dropped and nothing is tried again. */
  close() {
    this.#closedByUser = true;
    this.cancelTimers();
    this.#link.close();
    this.publishStatus();
  }

  /** The transport's connection is open; the server's `initial_code` comes next. */
  opened() {
    if (this.#link.phase() !== Phase.CLOSED) {
      this.#link.opened();
    }
  }

  /**
   * A message from the server (parsed JSON). One the OT state cannot accept (a gap in revisions, a
   * catch-up that falls short of `joined`) is healed by catching up on a fresh connection; one the
   * document cannot take means our copy cannot be trusted, and the client starts over.
   */
  receive(message) {
    if (this.#link.phase() === Phase.CLOSED) {
      return;
    }
    try {
      this.#dispatch(message);
    } catch (e) {
      if (e instanceof OperationError) {
        this.#refusals.catchUp(notice(NoticeKind.CATCHING_UP, null, e.message));
      } else {
        this.#refusals.startOver(notice(NoticeKind.STARTED_OVER, null, String(e)));
      }
    }
  }

  /** The connection held was closed with `code`: reconnect later, at once or never, as the shared table says. */
  closed(code, reason) {
    if (this.#link.phase() !== Phase.CLOSED) {
      this.#link.closed(code, reason);
    }
  }

  /** A local edit, already applied to the document. One made before the text is (re)loaded is dropped: the reset that follows replaces it. */
  localEdit(op) {
    this.#replica.edited(op);
  }

  /** The local selection moved; peers see it while nothing local is unacknowledged. */
  localSelectionChanged() {
    if (this.#link.phase() !== Phase.CLOSED) {
      this.#presence.moved();
    }
  }

  /** Our display name; the others see it at once if joined, else with the next `hello`. */
  rename(newName) {
    this.#replica.rename(newName);
    if (this.#link.isJoined() && newName != null) {
      this.#transport.send(ClientMessage.rename(newName));
    }
    this.#presence.renamed(this.#replica.clientId(), newName);
  }

  /** Asks the server to change the room's language; false when not joined or view only. The `language` broadcast confirms it. */
  setLanguage(language) {
    return this.#link.isJoined() && !this.isReadOnly() && this.#transport.send(ClientMessage.setLanguage(language));
  }

  /** Skips the wait before a scheduled reconnect (the "Retry now" button, the browser coming online). */
  retryNow() {
    this.#link.retryNow();
  }

  /** The client id in use (a new one after starting over). */
  clientId() {
    return this.#replica.clientId();
  }

  /** The display name the others see. */
  name() {
    return this.#replica.name();
  }

  /** True when joined through a view-only link, or when the server said this connection may not edit. */
  isReadOnly() {
    return this.#readOnlyLink || this.#replica.joinedReadOnly();
  }

  /** True between `joined` and the next drop: edits and cursors go out as they are made. */
  isJoined() {
    return this.#link.isJoined();
  }

  /** The connection's phase. */
  phase() {
    return this.#link.phase();
  }

  /** The revision of the last server state seen; -1 before the text is loaded. */
  revision() {
    const ot = this.#replica.ot();
    return ot === null ? -1 : ot.revision;
  }

  /** The OT state (an immutable value); null before the text is loaded. */
  state() {
    const ot = this.#replica.ot();
    return ot === null ? null : ot.state;
  }

  /** True when the text is loaded and the server has stored every local edit. */
  isSynchronized() {
    const ot = this.#replica.ot();
    return ot !== null && ot.isSynchronized();
  }

  /** Where the client stands, as last published to the listener: `{phase, revision, sync, retryInMillis, cause}`. */
  status() {
    const phase = this.#link.phase();
    const ot = this.#replica.ot();
    if (ot === null) {
      return status(phase, -1, Sync.LOADING, this.#waitOf(phase), this.#causeOf(phase));
    } else if (ot.isSynchronized()) {
      return status(phase, ot.revision, Sync.SAVED, this.#waitOf(phase), this.#causeOf(phase));
    } else if (phase === Phase.ONLINE && this.#resender.isWaiting()) {
      return status(phase, ot.revision, Sync.RETRYING, this.#resender.delayMillis(), this.#resender.cause());
    }
    const sync = this.#link.isJoined() ? Sync.SAVING : Sync.PENDING;
    return status(phase, ot.revision, sync, this.#waitOf(phase), this.#causeOf(phase));
  }

  #waitOf(phase) {
    return phase === Phase.OFFLINE ? this.#link.retryInMillis() : 0;
  }

  #causeOf(phase) {
    return phase === Phase.ONLINE || this.#closedByUser ? null : this.#link.cause();
  }

  #dispatch(m) {
    const replica = this.#replica;
    switch (m.type) {
      case 'initial_code': replica.loaded(m); break;
      case 'op': replica.applied(m); break;
      case 'ack': replica.acknowledged(m); break;
      case 'joined': replica.joined(m); break;
      case 'error': this.#refusals.refused(m); break;
      case 'participant': this.#presence.changed(m, replica.clientId()); break;
      case 'participant_left': this.#presence.left(m.clientId, replica.clientId()); break;
      case 'cursor':
        if (replica.ot() !== null) {
          this.#presence.cursor(m, replica.ot());
        }
        break;
      case 'language': this.#listener.language(m.language, m.clientId ?? null); break;
      default: // code_update goes to seed clients only; an OT client ignores it, and types it does not know.
    }
  }

  // --- for the parts ----------------------------------------------------------------------

  /** Our cursor may go out: joined, allowed to, and its offsets are the server's (nothing unacknowledged). */
  maySendCursor() {
    return this.#link.isJoined() && !this.isReadOnly() && this.isSynchronized();
  }

  /** The connection is gone or being replaced: what belonged to it goes stale. */
  dropped() {
    this.#resender.cancel();
    this.#presence.dropped();
  }

  /** Closed for good: no timer may fire any more. */
  cancelTimers() {
    this.#resender.cancel();
    this.#presence.cancel();
  }

  publishStatus() {
    this.#listener.status(this.status());
  }
}

function status(phase, revision, sync, retryInMillis, cause) {
  return Object.freeze({ phase, revision, sync, retryInMillis, cause });
}
