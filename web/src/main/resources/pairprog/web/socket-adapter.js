/**
 * The WebSocket `/ws/{roomId}` as callbacks (ot.js `SocketIOAdapter`): it decodes server messages
 * and hands them on by `type`, encodes the client messages of docs/protocol.md, and keeps the
 * connection up: after a close it reconnects later (with backoff), at once or never, as protocol.js's
 * `reconnect` decides for the close code.
 *
 * It knows nothing about operations or documents; session.js decides what a message means.
 */
import { Reconnect, reconnect } from './protocol.js';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10000;
/** `detail.reason` of the `gone` status, by close code; any other code that ends the session is `refused`. */
const GONE_REASONS = Object.freeze({ 4404: 'not-found', 4400: 'invalid-room' });

/**
 * Connection states reported through the `status` callback:
 * `connecting` (socket opening), `open` (socket open; the hello handshake is session.js's business),
 * `offline` (dropped; `detail.retryInMs` until the next attempt), `gone` (`detail.reason` is
 * `not-found`, `invalid-room` or `refused`, `detail.code` the close code; no further attempts).
 */
export class SocketAdapter {
  constructor(url) {
    this.url = url;
    this.callbacks = {};
    this.socket = null;
    this.attempt = 0;
    this.retryTimer = null;
    this.stopped = false;
    window.addEventListener('online', () => this.retryNow());
    // A page left for another one may be kept alive in the back/forward cache, socket and all: the
    // others would go on seeing us in the room. Leaving closes it; coming back connects again.
    window.addEventListener('pagehide', () => this.suspend());
    window.addEventListener('pageshow', (event) => {
      if (event.persisted && !this.stopped) {
        this.restart();
      }
    });
  }

  /** Closes the connection without scheduling a retry (until `restart`). */
  suspend() {
    this.drop('page hidden');
  }

  /** Forgets the current socket and closes it: nothing from the old connection may reach the session. */
  drop(why) {
    const old = this.socket;
    this.socket = null;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (old) {
      old.onmessage = null;
      old.onclose = null;
      old.close(1000, why);
    }
  }

  /** `callbacks`: one function per server message type (`op`, `ack`, ...), plus `status(state, detail)`. */
  registerCallbacks(callbacks) {
    Object.assign(this.callbacks, callbacks);
  }

  trigger(event, ...args) {
    const callback = this.callbacks[event];
    if (callback) {
      callback.apply(null, args);
    }
  }

  /** Opens the socket (again); a no-op while one is opening or open. */
  connect() {
    if (this.stopped || (this.socket && this.socket.readyState <= WebSocket.OPEN)) {
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.trigger('status', 'connecting', { attempt: this.attempt });
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => this.trigger('status', 'open', {});
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      if (this.socket === socket) {
        this.socket = null;
        this.closed(event.code);
      }
    };
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      console.warn('pairprog: the server sent something that is not JSON', data);
      return;
    }
    if (message.type === 'joined') {
      this.attempt = 0; // a completed handshake, not a bare open, proves the server is healthy
    }
    this.trigger(message.type, message);
  }

  closed(code) {
    if (this.stopped) {
      return;
    }
    const when = reconnect(code);
    if (when === Reconnect.NEVER) {
      this.stopped = true;
      this.trigger('status', 'gone', { reason: GONE_REASONS[code] ?? 'refused', code });
    } else if (when === Reconnect.AT_ONCE) {
      this.connect();
    } else {
      this.retryLater(code);
    }
  }

  /** Drops the connection (if any) and connects again after the backoff: a drop, or a join refused for now. */
  retryLater(code = null) {
    this.drop('retry later');
    // 500 ms, 1 s, 2 s ... 10 s, each with +-25 % jitter so a restarted server is not stampeded.
    const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt);
    const delay = Math.round(base * (0.75 + Math.random() * 0.5));
    this.attempt++;
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.trigger('status', 'offline', { retryInMs: delay, code, attempt: this.attempt });
  }

  /** Skips the wait before the next attempt (the "Retry now" button, the browser coming online). */
  retryNow() {
    if (this.retryTimer !== null) {
      this.connect();
    }
  }

  /** Drops the current connection and opens a new one at once (a fresh start after a resync). */
  restart() {
    this.drop('restart');
    this.connect();
  }

  /** Closes for good (leaving the room). */
  close() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.socket) {
      this.socket.close(1000, 'bye');
    }
  }

  isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends one message; returns false (and drops it) while the socket is not open. */
  send(message) {
    if (!this.isOpen()) {
      return false;
    }
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** `hello`: become an OT client holding `revision`; the server answers with catch-up ops and `joined`. */
  sendHello(clientId, revision, name, resumeToken) {
    const hello = { type: 'hello', clientId, revision, name };
    if (resumeToken) {
      hello.resumeToken = resumeToken;
    }
    return this.send(hello);
  }

  /** `op`: the local edit `clientSeq`, made on the document at `baseRevision`, in wire form. */
  sendOp(clientId, clientSeq, baseRevision, op) {
    return this.send({ type: 'op', clientId, clientSeq, baseRevision, op: op.toWire() });
  }

  /** `cursor`: our selection ranges in the text at `revision` (only sent while synchronized). */
  sendCursor(revision, ranges) {
    return this.send({ type: 'cursor', revision, ranges });
  }

  /** `rename`: our new display name. */
  sendRename(name) {
    return this.send({ type: 'rename', name });
  }

  /** `set_language`: change the room's language for everyone. */
  sendSetLanguage(language) {
    return this.send({ type: 'set_language', language });
  }
}
