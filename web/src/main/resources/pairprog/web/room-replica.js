/**
 * Our copy of the room and who we are in it: the twin of Java's `Replica` in io.pairprog.client, line
 * for line. The OtClient, the client id and its resume token, and the handshake that keeps them in step
 * with the server (`initial_code` → `hello` → catch-up → `joined` → resend).
 */
import { OperationError, TextOperation } from './text-operation.js';
import { OtClient } from './ot-client.js';
import { ClientMessage } from './protocol.js';

export class Replica {
  #client; #clientIds; #transport; #document; #listener; #link; #presence; #resender; #channel;
  #clientId;
  #startOvers = 0;
  #resumeToken = null; // from this id's first `joined`: proves the id is ours in every later hello
  #name;
  #ot = null; // null until the server's text is loaded, and again after starting over
  #readOnly = false;

  constructor(client, clientIds, name, transport, document, listener, link, presence, resender) {
    this.#client = client;
    this.#clientIds = clientIds;
    this.#clientId = clientIds(0);
    this.#name = name;
    this.#transport = transport;
    this.#document = document;
    this.#listener = listener;
    this.#link = link;
    this.#presence = presence;
    this.#resender = resender;
    // The OtClient's view of the world: send while joined (the resend after `joined` sends the rest), apply to the document.
    this.#channel = {
      send: (baseRevision, clientSeq, op) => {
        if (this.#link.isJoined()) {
          this.#transport.send(ClientMessage.op(this.#clientId, clientSeq, baseRevision, op));
        }
      },
      applyRemote: (op) => this.#document.applyRemote(op),
    };
  }

  /** `initial_code`: take the text unless we hold one (a reconnect keeps its own and catches up), then hello. */
  loaded(initial) {
    if (this.#ot === null) {
      this.#document.reset(initial.code);
      this.#ot = new OtClient(this.#clientId, initial.revision, this.#channel);
      this.#presence.loaded(initial.revision, initial.code.length);
    }
    if (initial.language != null) {
      this.#listener.language(initial.language, null);
    }
    this.#transport.send(ClientMessage.hello(this.#clientId, this.#ot.revision, this.#name, this.#resumeToken));
    this.#link.joining();
    this.#client.publishStatus();
  }

  applied(m) {
    if (this.#ot !== null) {
      const op = TextOperation.fromWire(m.op);
      this.#ot.applyServer(m.revision, m.clientId, m.clientSeq, op);
      this.#presence.stored(m.revision, op);
      this.#stepped();
    }
  }

  acknowledged(ack) {
    if (this.#ot === null) {
      return;
    }
    const { outstanding } = this.#ot.state;
    if (this.#ot.serverAck(ack.revision, ack.clientSeq)) {
      this.#presence.stored(ack.revision, outstanding);
      this.#resender.stored();
    }
    this.#stepped();
  }

  /** `joined`: the catch-up must have brought us to its revision; keep a new resume token, then resend. */
  joined(joined) {
    if (this.#ot === null) {
      return;
    }
    if (joined.revision !== this.#ot.revision) {
      throw new OperationError(`joined: at revision ${joined.revision}, but the catch-up brought us to ${this.#ot.revision}`);
    }
    if (joined.resumeToken != null) {
      this.#resumeToken = joined.resumeToken;
    }
    this.#readOnly = joined.readOnly === true;
    this.#link.joined();
    this.#presence.joined(joined.participants || [], this.#clientId);
    if (joined.language != null) {
      this.#listener.language(joined.language, null);
    }
    this.#ot.resend();
    this.#stepped();
  }

  /** A local edit, already in the document; one made before the text is (re)loaded is dropped with it. */
  edited(op) {
    if (this.#ot !== null) {
      this.#ot.applyClient(op);
      this.#client.publishStatus();
    }
  }

  /** Sends the edit `clientSeq` again if it still awaits its ack and we are joined. */
  resend(clientSeq) {
    if (this.#link.isJoined() && this.awaitsAck(clientSeq)) {
      this.#ot.resend();
    }
  }

  /** A new client id with no resume token and no text: the next `initial_code` is taken as it is. */
  startOver() {
    this.#clientId = this.#clientIds(++this.#startOvers);
    this.#resumeToken = null;
    this.#ot = null;
  }

  rename(newName) {
    this.#name = newName;
  }

  /** True when `clientSeq` numbers the edit awaiting its ack. */
  awaitsAck(clientSeq) {
    return clientSeq != null && this.#ot !== null && this.#ot.state.awaitsAck(clientSeq);
  }

  /** Null before the text is loaded. */
  ot() {
    return this.#ot;
  }

  clientId() {
    return this.#clientId;
  }

  name() {
    return this.#name;
  }

  /** The server said this connection may not edit. */
  joinedReadOnly() {
    return this.#readOnly;
  }

  #stepped() {
    this.#presence.stepped(this.#ot);
    this.#client.publishStatus();
  }
}
