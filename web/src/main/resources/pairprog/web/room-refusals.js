/**
 * What a RoomClient does about an `error` message, and about a message it cannot apply: the twin of
 * Java's `Refusals` (and `Notice`) in io.pairprog.client, line for line. protocol.js's `clientAction`
 * decides; this carries it out.
 */
import { ClientAction, clientAction } from './protocol.js';
import { refused } from './room-link.js';

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

/** Something the client tells the user while it goes on (Java `Notice`); `code` is null when the client found it itself. */
export function notice(kind, code, message) {
  return Object.freeze({ kind, code, message });
}

function noticeOf(kind, error) {
  return notice(kind, error.code, error.message);
}

/** Carries out the shared table's action for each refusal; whether it names our edit or our hello decides how. */
export class Refusals {
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

