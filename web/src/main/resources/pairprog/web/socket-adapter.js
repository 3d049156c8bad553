/**
 * The WebSocket `/ws/{roomId}` as a RoomClient's transport (ot.js `SocketIOAdapter`; the twin of the
 * desktop's ReconnectingConnection): one socket at a time, replaced by `connect()`. It encodes what it
 * is given, parses what arrives and hands it on through its callbacks, nothing more: whether and when to
 * connect again is room-client.js's decision. A socket it has dropped reports nothing afterwards.
 */
export class SocketAdapter {
  constructor(url) {
    this.url = url;
    this.callbacks = {};
    this.socket = null;
  }

  /** `opened()`, `message(m)` with each parsed server message, `closed(code, reason)` when the socket held ends. */
  registerCallbacks(callbacks) {
    Object.assign(this.callbacks, callbacks);
  }

  trigger(event, ...args) {
    const callback = this.callbacks[event];
    if (callback) {
      callback.apply(null, args);
    }
  }

  /** Drops the socket held, if any, and opens a new one. */
  connect() {
    this.disconnect();
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => this.trigger('opened');
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      this.socket = null;
      this.trigger('closed', event.code, event.reason);
    };
  }

  /** Forgets the socket held and closes it: nothing from it may reach the client any more. */
  disconnect() {
    const old = this.socket;
    this.socket = null;
    if (old) {
      old.onopen = null;
      old.onmessage = null;
      old.onclose = null;
      old.close(1000, 'bye');
    }
  }

  /** Sends one client message; returns false (and drops it) while no socket is open. */
  send(message) {
    if (this.socket === null || this.socket.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.socket.send(JSON.stringify(message));
    return true;
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      console.warn('pairprog: the server sent something that is not JSON', data);
      return;
    }
    this.trigger('message', message);
  }
}
