/**
 * The client side of the protocol (ot.js `Client`), the JavaScript twin of io.pairprog.ot.OtClient:
 * keeps the local document editable while the server orders everyone's operations, with at most
 * one local operation in flight.
 *
 *                 applyClient                      applyClient
 *  Synchronized ---------------> AwaitingConfirm -------------> AwaitingWithBuffer
 *       ^                          |     ^                         |
 *       +------- serverAck --------+     +------- serverAck -------+
 *                                          (the buffer is sent and becomes outstanding)
 *
 * States are immutable values; each transition returns the next state and talks to the world only
 * through the channel it is given: `{send(baseRevision, clientSeq, op), applyRemote(op)}`.
 * `revision` is the server revision the client holds once the transition is done; it is the base
 * revision of anything sent.
 */
import { OperationError, TextOperation } from './text-operation.js';

/**
 * No local operation is waiting for the server; the client's document equals the server's at the
 * client's revision. The next operation is numbered `lastClientSeq + 1`.
 */
export class Synchronized {
  constructor(lastClientSeq) {
    this.lastClientSeq = lastClientSeq;
    Object.freeze(this);
  }

  /** Sends `op` at once and waits for its ack. */
  applyClient(op, revision, channel) {
    const clientSeq = this.lastClientSeq + 1;
    channel.send(revision, clientSeq, op);
    return new AwaitingConfirm(clientSeq, op);
  }

  /** Nothing local to transform past: `op` applies as it is. */
  applyServer(op, channel) {
    channel.applyRemote(op);
    return this;
  }

  serverAck(revision) {
    throw new OperationError(`serverAck: no operation is outstanding (revision ${revision})`);
  }

  resend() {
    return this;
  }

  awaitsAck() {
    return false;
  }

  transformSelection(selection) {
    return selection;
  }
}

/**
 * One local operation, `outstanding`, numbered `clientSeq`, has been sent and not yet
 * acknowledged; there are no further local edits.
 */
export class AwaitingConfirm {
  constructor(clientSeq, outstanding) {
    this.clientSeq = clientSeq;
    this.outstanding = outstanding;
    Object.freeze(this);
  }

  /** Only one operation may be in flight, so `op` starts the buffer. */
  applyClient(op) {
    return new AwaitingWithBuffer(this.clientSeq, this.outstanding, op);
  }

  /**
   * Another client's operation happened on the server before ours. Both start from the same
   * server document:
   *
   *                      /\
   *       outstanding   /  \   op
   *                    /    \
   *                    \    /
   *       op'           \  /   outstanding'
   *   (applies to the    \/    (what the server will store
   *    client's document)       once it transforms ours)
   *
   * The client applies op' and keeps waiting, now for outstanding'.
   */
  applyServer(op, channel) {
    const t = TextOperation.transform(this.outstanding, op);
    channel.applyRemote(t.bPrime);
    return new AwaitingConfirm(this.clientSeq, t.aPrime);
  }

  serverAck() {
    return new Synchronized(this.clientSeq);
  }

  resend(revision, channel) {
    channel.send(revision, this.clientSeq, this.outstanding);
    return this;
  }

  awaitsAck(clientSeq) {
    return this.clientSeq === clientSeq;
  }

  transformSelection(selection) {
    return selection.transform(this.outstanding);
  }
}

/**
 * `outstanding`, numbered `clientSeq`, is in flight, and the local edits made since are composed
 * into `buffer`, which applies after `outstanding` and is sent once the ack arrives.
 */
export class AwaitingWithBuffer {
  constructor(clientSeq, outstanding, buffer) {
    if (outstanding.targetLength !== buffer.baseLength) {
      throw new OperationError(`AwaitingWithBuffer: outstanding target length ${outstanding.targetLength} does not match buffer base length ${buffer.baseLength}`);
    }
    this.clientSeq = clientSeq;
    this.outstanding = outstanding;
    this.buffer = buffer;
    Object.freeze(this);
  }

  applyClient(op) {
    return new AwaitingWithBuffer(this.clientSeq, this.outstanding, this.buffer.compose(op));
  }

  /** As in AwaitingConfirm, but `op` has to cross two diamonds: past outstanding, then past buffer. */
  applyServer(op, channel) {
    const pastOutstanding = TextOperation.transform(this.outstanding, op);
    const pastBuffer = TextOperation.transform(this.buffer, pastOutstanding.bPrime);
    channel.applyRemote(pastBuffer.bPrime);
    return new AwaitingWithBuffer(this.clientSeq, pastOutstanding.aPrime, pastBuffer.aPrime);
  }

  /** The buffer becomes the next outstanding operation, with the next number. */
  serverAck(revision, channel) {
    const next = this.clientSeq + 1;
    channel.send(revision, next, this.buffer);
    return new AwaitingConfirm(next, this.buffer);
  }

  /** Only the outstanding operation was ever sent; the buffer waits for its ack as before. */
  resend(revision, channel) {
    channel.send(revision, this.clientSeq, this.outstanding);
    return this;
  }

  awaitsAck(clientSeq) {
    return this.clientSeq === clientSeq;
  }

  transformSelection(selection) {
    return selection.transform(this.outstanding).transform(this.buffer);
  }
}

/**
 * The state machine plus the revision it stands at. Every server message it accepts must carry
 * exactly `revision + 1`; anything else means a lost message, and an OperationError tells the
 * caller to reconnect and catch up.
 *
 * Reconnecting: send `hello` with `revision`, feed the catch-up operations to `applyServer` (our
 * own operation among them counts as its ack), then call `resend()` once `joined` arrives.
 */
export class OtClient {
  /** A synchronized client holding the server's document at `revision`; its first op is clientSeq 1. */
  constructor(clientId, revision, channel) {
    if (!clientId) {
      throw new OperationError(`OtClient: clientId must be non-empty, got ${clientId}`);
    }
    if (!Number.isInteger(revision) || revision < 0) {
      throw new OperationError(`OtClient: revision must be a non-negative integer, got ${revision}`);
    }
    this.clientId = clientId;
    this.revision = revision;
    this.channel = channel;
    this.state = new Synchronized(0);
  }

  /** A local edit, already applied to the local document: sent at once, or buffered while one is in flight. */
  applyClient(op) {
    this.state = this.state.applyClient(op, this.revision, this.channel);
  }

  /**
   * A broadcast operation the server stored at `revision`. Our own outstanding operation coming
   * back (in the catch-up after a reconnect) counts as the ack; anything else is transformed past
   * local work and handed to `channel.applyRemote`.
   */
  applyServer(revision, clientId, clientSeq, op) {
    this.requireNext('applyServer', revision);
    const next = this.clientId === clientId && this.state.awaitsAck(clientSeq)
      ? this.state.serverAck(revision, this.channel)
      : this.state.applyServer(op, this.channel);
    this.revision = revision;
    this.state = next;
  }

  /**
   * The server stored our outstanding operation at `revision`. Returns false, changing nothing,
   * when `clientSeq` is not the outstanding one (a duplicate ack for an already stored resend).
   */
  serverAck(revision, clientSeq) {
    if (!this.state.awaitsAck(clientSeq)) {
      return false;
    }
    this.requireNext('serverAck', revision);
    const next = this.state.serverAck(revision, this.channel);
    this.revision = revision;
    this.state = next;
    return true;
  }

  /** Sends the outstanding operation again with the same clientSeq; a no-op when synchronized. */
  resend() {
    this.state = this.state.resend(this.revision, this.channel);
  }

  /** A peer's selection on the server's document at `revision`, moved into the local document. */
  transformSelection(selection) {
    return this.state.transformSelection(selection);
  }

  isSynchronized() {
    return this.state instanceof Synchronized;
  }

  requireNext(fn, revision) {
    if (revision !== this.revision + 1) {
      throw new OperationError(`${fn}: expected revision ${this.revision + 1}, got ${revision}`);
    }
  }
}
