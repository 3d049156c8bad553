/**
 * One client in one room: ot.js's `EditorClient` without the editor, the line-for-line twin of Java's
 * `RoomClient` (and `Refusals`) in io.pairprog.client, held to the same exchanges by
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
import { ClientAction, ClientMessage, clientAction } from './protocol.js';
import { Backoff, Link, Phase, Resender, Sync, refused } from './room-link.js';
import { CursorSender, Presence } from './room-presence.js';
import { Replica } from './room-replica.js';

export { Phase, Sync };

/** What a notice is about (Java `Notice.Kind`); the wording shown is the page's. */
export const NoticeKind = Object.freeze({
  /** This connection lost step with the room; the client catches up on a fresh one, losing nothing. */
  CATCHING_UP: 'CATCHING_UP',
  /** The server cannot go on from our state: unacknowledged edits were dropped and the server's text taken. */
  STARTED_OVER: 'STARTED_OVER',
  /** The server refused a change for good (STOP); nothing was dropped. */
  REFUSED: 'REFUSED',
  /** The server reported something that asks for nothing (NOTICE, or a refused message that is not an edit). */
  REPORTED: 'REPORTED',
});

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
    this.#presence.moved();
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

/**
 * What a RoomClient does about an `error` message, and about a message it cannot apply (Java
 * `Refusals`): protocol.js's `clientAction` decides, this carries it out.
 */
class Refusals {
  #client; #replica; #link; #resender; #listener;

  constructor(client, replica, link, resender, listener) {
    this.#client = client;
    this.#replica = replica;
    this.#link = link;
    this.#resender = resender;
    this.#listener = listener;
  }

  refused(error) {
    const clientSeq = error.clientSeq ?? null;
    const refusedEdit = this.#replica.awaitsAck(clientSeq);
    switch (clientAction(error.code)) {
      case ClientAction.RESEND_LATER:
        if (refusedEdit) {
          this.#resendLater(clientSeq, error);
        } else if (clientSeq === null && !this.#link.isJoined()) {
          this.#link.retryJoinLater(refused(error.code, error.message));
        } else if (clientSeq === null) {
          this.#listener.notice(noticeOf(NoticeKind.REPORTED, error)); // e.g. a cursor dropped for the rate: not worth a resend
        }
        break;
      // Catching up brings an edit to a recent revision, from which its resend is cheap.
      case ClientAction.CATCH_UP: this.catchUp(noticeOf(NoticeKind.CATCHING_UP, error)); break;
      case ClientAction.START_OVER: this.startOver(noticeOf(NoticeKind.STARTED_OVER, error)); break;
      case ClientAction.STOP: this.#stop(error, refusedEdit); break;
      default: this.#listener.notice(noticeOf(NoticeKind.REPORTED, error));
    }
  }

  /** Drops the connection and connects again at once; hello from the revision held catches up, then resends. */
  catchUp(why) {
    this.#listener.notice(why);
    this.#link.restart();
  }

  /** Drops unacknowledged edits and takes the server's text under a new client id, with no resume token. */
  startOver(why) {
    this.#listener.notice(why);
    this.#replica.startOver();
    this.#link.restart();
  }

  /** The edit `clientSeq` was not stored: keep it and send it again, with the same number, after a backoff. */
  #resendLater(clientSeq, error) {
    this.#resender.later(refused(error.code, error.message), () => {
      this.#replica.resend(clientSeq);
      this.#client.publishStatus();
    });
    this.#client.publishStatus();
  }

  /**
   * Never accepted: a refused edit would wait for its ack forever, so the client starts over without it;
   * another refusal is told; a refused connection waits for its close code, which ends the session.
   */
  #stop(error, refusedEdit) {
    if (refusedEdit) {
      this.startOver(noticeOf(NoticeKind.STARTED_OVER, error));
    } else if (this.#link.isJoined()) {
      this.#listener.notice(noticeOf(NoticeKind.REFUSED, error));
    } else {
      this.#link.refusedBeforeJoining(error.message);
    }
  }
}

function notice(kind, code, message) {
  return Object.freeze({ kind, code, message });
}

function noticeOf(kind, error) {
  return notice(kind, error.code, error.message);
}

function status(phase, revision, sync, retryInMillis, cause) {
  return Object.freeze({ phase, revision, sync, retryInMillis, cause });
}
