/**
 * The connection side of a RoomClient: the twins of Java's `Link`, `Resender` and `Backoff` in
 * io.pairprog.client, line for line. A close is followed as protocol.js's `reconnect` says (later after
 * a Backoff, at once, or never); an edit the server could not store is sent again after one.
 */
import { Reconnect, reconnect } from './protocol.js';

/** The connection (Java `Status.Phase`). */
export const Phase = Object.freeze({
  CONNECTING: 'CONNECTING', JOINING: 'JOINING', ONLINE: 'ONLINE', OFFLINE: 'OFFLINE', CLOSED: 'CLOSED',
});

/** The local edits (Java `Status.Sync`). */
export const Sync = Object.freeze({
  LOADING: 'LOADING', SAVED: 'SAVED', SAVING: 'SAVING', PENDING: 'PENDING', RETRYING: 'RETRYING',
});

/** The connection was closed with `code` (Java `Status.Dropped`). */
export function dropped(code, reason) {
  return Object.freeze({ kind: 'dropped', code, reason });
}

/** The server refused the join or an edit for now with `code` (Java `Status.Refused`). */
export function refused(code, message) {
  return Object.freeze({ kind: 'refused', code, message });
}

/**
 * Delays before a reconnect or a resend: 500 ms, 1 s, 2 s … up to 10 s, each spread by ±25 % so that the
 * clients one server restart dropped do not all come back at once. The same constants as Java's.
 */
export class Backoff {
  static FIRST_MILLIS = 500;
  static MAX_MILLIS = 10000;
  static JITTER = 0.25;

  /** `random()` gives numbers in [0, 1); the tests pass a constant to make the delays exact. */
  constructor(random) {
    this.random = random;
    this.attempts = 0;
  }

  /** The delay before the next attempt; each call doubles the next one's base, up to the cap. */
  next() {
    const base = Math.min(Backoff.MAX_MILLIS, Backoff.FIRST_MILLIS * 2 ** Math.min(this.attempts, 20));
    this.attempts++;
    return Math.round(base * (1 - Backoff.JITTER + 2 * Backoff.JITTER * this.random()));
  }

  /** After a success: the next failure starts from the first delay again. */
  reset() {
    this.attempts = 0;
  }
}

/** The connection side of a RoomClient: its phase, why it is not online, and when it connects again. */
export class Link {
  #client; #transport; #scheduler; #listener; #reconnects;
  #phase = Phase.CONNECTING;
  #joined = false;
  #cause = null; // the close or refusal behind the phase, until `joined`
  #refusal = null; // a refusal for good before `joined`: the close that follows ends the session
  #retryInMillis = 0;
  #timer = null;

  constructor(client, transport, scheduler, listener, reconnects) {
    this.#client = client;
    this.#transport = transport;
    this.#scheduler = scheduler;
    this.#listener = listener;
    this.#reconnects = reconnects;
  }

  backoff(backoff) {
    this.#reconnects = backoff;
  }

  /** Drops the connection held, if any, and connects at once; the cause of the last drop stays shown. */
  connect() {
    this.#cancel(); // a no-op when the timer itself connects
    this.#client.dropped();
    this.#joined = false;
    this.#refusal = null;
    this.#phase = Phase.CONNECTING;
    this.#client.publishStatus();
    this.#transport.connect(); // last: a transport may report a failed connect from inside this call
  }

  /** Connects afresh on the client's own initiative (catching up, starting over): nothing to explain. */
  restart() {
    this.#cause = null;
    this.connect();
  }

  opened() {
    this.#joined = false;
    this.#phase = Phase.JOINING;
    this.#client.publishStatus();
  }

  /** `hello` is on its way: a new connection, on which nothing goes out before `joined`. */
  joining() {
    this.#joined = false;
    this.#phase = Phase.JOINING;
  }

  /** The handshake completed: the server is healthy, so the next drop waits the shortest delay again. */
  joined() {
    this.#joined = true;
    this.#phase = Phase.ONLINE;
    this.#cause = null;
    this.#refusal = null;
    this.#reconnects.reset();
  }

  /** The connection held was closed with `code`. */
  closed(code, reason) {
    switch (reconnect(code)) {
      case Reconnect.NEVER:
        this.#closedForGood(code, this.#refusal !== null ? this.#refusal : reason);
        break;
      case Reconnect.AT_ONCE:
        this.#cause = dropped(code, reason);
        this.connect();
        break;
      default:
        this.#reconnectLater(dropped(code, reason));
    }
  }

  /** The server refused our hello for now and may keep the connection open: drop it and join again later. */
  retryJoinLater(why) {
    this.#transport.disconnect();
    this.#reconnectLater(why);
  }

  /** Refused for good before `joined`: the close that follows ends the session, with this as its reason. */
  refusedBeforeJoining(message) {
    this.#refusal = message;
  }

  /** Skips the wait before a scheduled reconnect. */
  retryNow() {
    if (this.#timer !== null) {
      this.connect();
    }
  }

  /** Leaves for good. */
  close() {
    this.#cancel();
    this.#joined = false;
    this.#cause = null;
    this.#phase = Phase.CLOSED;
    this.#transport.disconnect();
  }

  isJoined() {
    return this.#joined;
  }

  phase() {
    return this.#phase;
  }

  cause() {
    return this.#cause;
  }

  retryInMillis() {
    return this.#retryInMillis;
  }

  #reconnectLater(why) {
    this.#cancel(); // one reconnect at a time, however many closes a transport reports
    this.#client.dropped();
    this.#joined = false;
    this.#retryInMillis = this.#reconnects.next();
    this.#phase = Phase.OFFLINE;
    this.#cause = why;
    this.#client.publishStatus();
    this.#timer = this.#scheduler.schedule(this.#retryInMillis, () => this.connect());
  }

  #closedForGood(code, why) {
    this.#client.dropped();
    this.#client.cancelTimers();
    this.#cancel();
    this.#joined = false;
    this.#phase = Phase.CLOSED;
    this.#cause = dropped(code, why);
    this.#client.publishStatus();
    this.#listener.closed(code, why);
  }

  #cancel() {
    if (this.#timer !== null) {
      this.#timer();
      this.#timer = null;
    }
  }
}

/** Sends an edit the server could not store again, with the same clientSeq, after a growing Backoff. */
export class Resender {
  #scheduler; #backoff;
  #timer = null;
  #delayMillis = 0;
  #cause = null;

  constructor(scheduler, backoff) {
    this.#scheduler = scheduler;
    this.#backoff = backoff;
  }

  backoff(next) {
    this.#backoff = next;
  }

  /** Runs `resend` after the next delay, replacing a resend already waiting; `why` is the refusal. */
  later(why, resend) {
    this.cancel();
    this.#delayMillis = this.#backoff.next();
    this.#cause = why;
    this.#timer = this.#scheduler.schedule(this.#delayMillis, () => {
      this.#timer = null;
      resend();
    });
  }

  /** An edit was stored: the server is healthy again. */
  stored() {
    this.#backoff.reset();
    this.cancel();
  }

  cancel() {
    if (this.#timer !== null) {
      this.#timer();
      this.#timer = null;
    }
  }

  isWaiting() {
    return this.#timer !== null;
  }

  delayMillis() {
    return this.#delayMillis;
  }

  cause() {
    return this.#cause;
  }
}
