/**
 * One browser tab in one room: the OT client between the editor and the socket, plus presence.
 *
 * Identity. `clientId` is made fresh for every page load (crypto random, `web-<24 hex>`) and kept
 * for every reconnect of that page, as the protocol asks. It is deliberately not kept in
 * sessionStorage: browsers copy sessionStorage into a duplicated tab, and two live tabs with one
 * clientId would reuse each other's clientSeq numbers. A reload is therefore a new client; it loses
 * nothing stored, because it starts from the server's text.
 *
 * Ordering. Every server message is handled in arrival order on the page's one thread. Local edits
 * are applied to the editor at once and reach the OtClient synchronously, so typing never waits.
 * Edits are put on the wire only between `joined` and the next drop; while offline the OtClient
 * keeps them (outstanding + buffer) and `resend` after the next `joined` sends them with the same
 * clientSeq, which the server never applies twice.
 *
 * View only. A session opened through a view-only link (`readOnly`, socket `/ws/view/{viewId}`) is
 * an OT client that only receives: the editor refuses every local change, so no `op` exists to
 * send, and no `cursor` is sent either; `rename` is the one thing it says after `hello`. Should the
 * server still answer READ_ONLY, the user is told once and nothing else happens.
 */
import { OperationError, TextOperation } from './text-operation.js';
import { Selection } from './selection.js';
import { OtClient } from './ot-client.js';
import { SocketAdapter } from './socket-adapter.js';
import { ClientAction, clientAction } from './protocol.js';

/** What the user is told when an error makes us start over or stop; other codes get the general wording. */
const NOTICES = Object.freeze({
  DOCUMENT_TOO_LARGE: 'That edit would make the document too large, so it was undone.',
  MESSAGE_TOO_LARGE: 'That edit was too large to send, so it was undone.',
  STORAGE_QUOTA_EXCEEDED: 'This room has stored as much history as a room may; edits are no longer saved. Copy the text into a new room to go on.',
  READ_ONLY: 'This is a view-only link: you can watch, but nothing you do here changes the code.',
});
const START_OVER_NOTICE = 'The server refused an edit; the document was reloaded from the server.';
const HISTORY_LIMIT = 200; // server operations kept to bring a late cursor message up to date
const CURSOR_THROTTLE_MS = 40;

/** A fresh client id: `web-` and 24 random hex digits (crypto.getRandomValues works without HTTPS). */
export function newClientId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export class Session {
  /**
   * `socketPath`: `/ws/{roomId}`, or `/ws/view/{viewId}` with `readOnly`.
   * `events`: `connection(state, detail)`, `sync(state)`, `loaded()`, `language(language, byClientId)`,
   * `gone(reason)`, `notice(text, level)`.
   */
  constructor({ socketPath, readOnly = false, name, editor, presence, undo, events }) {
    this.readOnly = readOnly;
    this.name = name;
    this.editor = editor;
    this.presence = presence;
    this.undo = undo;
    this.events = events;
    this.clientId = newClientId();
    this.resumeToken = null; // from the first `joined`: proves on every later hello that clientId is ours
    this.ot = null;
    this.joined = false;
    this.history = []; // [{revision, op}] as stored by the server, oldest first
    this.pendingCursors = new Map(); // clientId -> cursor message ahead of our revision
    this.resendTimer = null;
    this.resendDelayMs = 1000;
    this.cursorTimer = null;
    this.cursorDirty = true;
    this.failures = 0;
    this.told = new Set(); // the error codes already explained to the user

    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.socket = new SocketAdapter(`${scheme}//${location.host}${socketPath}`);
    this.channel = {
      send: (baseRevision, clientSeq, op) => {
        if (this.joined && !this.readOnly) {
          this.socket.sendOp(this.clientId, clientSeq, baseRevision, op);
        }
      },
      applyRemote: (op) => {
        this.editor.applyOperation(op);
        this.presence.transform(op);
        this.undo.transform(op);
      },
    };
    this.socket.registerCallbacks({
      status: (state, detail) => this.onStatus(state, detail),
      initial_code: (m) => this.guard(() => this.onInitialCode(m)),
      op: (m) => this.guard(() => this.onOp(m)),
      ack: (m) => this.guard(() => this.onAck(m)),
      joined: (m) => this.guard(() => this.onJoined(m)),
      error: (m) => this.onError(m),
      cursor: (m) => this.applyCursor(m),
      participant: (m) => this.presence.upsert(m),
      participant_left: (m) => this.presence.remove(m.clientId),
      language: (m) => this.events.language(m.language, m.clientId),
    });
    editor.registerCallbacks({
      change: (op, inverse, undoStep) => this.onLocalChange(op, inverse, undoStep),
      selectionChange: () => this.queueCursor(),
    });
  }

  start() {
    this.socket.connect();
  }

  /** A message the OT client cannot accept (a gap in revisions, a bug) is healed by catching up afresh. */
  guard(handle) {
    try {
      handle();
      this.failures = 0;
    } catch (e) {
      console.error('pairprog: could not apply a server message', e);
      if (!(e instanceof OperationError) || ++this.failures > 2) {
        this.startOver('The editor lost track of the document and reloaded it from the server.');
      } else {
        this.joined = false;
        this.socket.restart(); // hello with our revision brings every missed operation
      }
    }
  }

  onStatus(state, detail) {
    if (state !== 'open') {
      this.joined = false;
    }
    if (state === 'gone') {
      this.events.gone(detail.reason);
    }
    this.events.connection(state === 'open' ? 'connecting' : state, detail);
    this.events.sync(this.syncState());
  }

  onInitialCode(m) {
    if (this.ot === null) {
      this.editor.setValue(m.code);
      this.undo.clear();
      this.presence.clearSelections();
      this.history = [];
      this.ot = new OtClient(this.clientId, m.revision, this.channel);
      this.events.loaded();
    }
    // A reconnecting client keeps its own text; the catch-up operations after hello bring it up to date.
    this.events.language(m.language, null);
    this.socket.sendHello(this.clientId, this.ot.revision, this.name, this.resumeToken);
  }

  onOp(m) {
    if (this.ot === null) {
      return;
    }
    const op = TextOperation.fromWire(m.op);
    this.ot.applyServer(m.revision, m.clientId, m.clientSeq, op);
    this.remember(m.revision, op);
    this.afterServerMessage();
  }

  onAck(m) {
    if (this.ot === null) {
      return;
    }
    const stored = this.ot.state.outstanding;
    if (this.ot.serverAck(m.revision, m.clientSeq)) {
      this.remember(m.revision, stored);
      clearTimeout(this.resendTimer);
      this.resendDelayMs = 1000;
    }
    this.afterServerMessage();
  }

  onJoined(m) {
    if (this.ot === null) {
      return;
    }
    if (m.revision !== this.ot.revision) {
      throw new OperationError(`joined: at revision ${m.revision}, but the catch-up brought us to ${this.ot.revision}`);
    }
    if (typeof m.resumeToken === 'string') {
      this.resumeToken = m.resumeToken;
    }
    this.joined = true;
    this.presence.setSelf(this.clientId, this.name, m.color, this.role());
    if (Array.isArray(m.participants)) {
      this.presence.setParticipants(m.participants);
    }
    if (m.language) {
      this.events.language(m.language, null);
    }
    this.ot.resend();
    this.cursorDirty = true;
    this.events.connection('online', {});
    this.afterServerMessage();
  }

  /** What to do is protocol.js's decision (`clientAction`); how to do it is this page's. */
  onError(m) {
    const clientSeq = m.clientSeq ?? null;
    switch (clientAction(m.code)) {
      case ClientAction.RESEND_LATER:
        if (clientSeq !== null) {
          this.scheduleResend(clientSeq);
        } else if (!this.joined) {
          this.socket.retryLater(); // the join was refused for now: hello again on a new connection
        }
        break;
      case ClientAction.CATCH_UP:
        // Catching up (hello with our revision) brings an unsent edit to a recent base before its resend.
        this.joined = false;
        this.socket.restart();
        break;
      case ClientAction.START_OVER:
        this.startOver(NOTICES[m.code] ?? START_OVER_NOTICE);
        break;
      case ClientAction.STOP:
        this.stop(m, clientSeq);
        break;
      default:
        console.warn('pairprog: server error', m.code, m.message);
    }
  }

  /**
   * A refusal that will never be accepted: an unacknowledged edit refused so is dropped by taking the
   * server's text; anything else is explained once. Before `joined` it refused the connection, and the
   * close code that follows ends the session.
   */
  stop(m, clientSeq) {
    if (this.ot !== null && clientSeq !== null && this.ot.state.awaitsAck(clientSeq)) {
      this.startOver(NOTICES[m.code] ?? START_OVER_NOTICE);
    } else if (this.joined && !this.told.has(m.code)) {
      this.told.add(m.code);
      this.events.notice(NOTICES[m.code] ?? `The server refused a change: ${m.message}`, 'warn');
    }
  }

  /** The server could not store edit `clientSeq`; it is kept and sent again, waiting longer each time. */
  scheduleResend(clientSeq) {
    if (this.ot === null || !this.ot.state.awaitsAck(clientSeq)) {
      return;
    }
    clearTimeout(this.resendTimer);
    this.events.sync('retrying');
    this.resendTimer = setTimeout(() => {
      if (this.joined && this.ot !== null && this.ot.state.awaitsAck(clientSeq)) {
        this.ot.resend();
      }
    }, this.resendDelayMs);
    this.resendDelayMs = Math.min(this.resendDelayMs * 2, 15000);
  }

  /** A cursor that does not fit (a bug, a stale message) costs a caret, never the session. */
  applyCursor(m) {
    try {
      this.onCursor(m);
    } catch (e) {
      console.warn('pairprog: ignored a cursor that does not fit the document', m, e);
    }
  }

  /**
   * A peer's selection at the server's `revision`: brought up to our revision through the stored
   * operations we have seen since, then through our unacknowledged edits.
   */
  onCursor(m) {
    if (this.ot === null || m.clientId === this.clientId || !Array.isArray(m.ranges)) {
      return;
    }
    if (m.revision > this.ot.revision) {
      this.pendingCursors.set(m.clientId, m); // an operation it refers to is still on its way
      return;
    }
    this.pendingCursors.delete(m.clientId);
    let selection = new Selection(m.ranges);
    const since = this.history.filter((h) => h.revision > m.revision);
    if (since.length !== this.ot.revision - m.revision) {
      return; // older than what we remember; the peer's next move will place it
    }
    for (const h of since) {
      selection = selection.clamp(h.op.baseLength).transform(h.op);
    }
    const state = this.ot.state;
    const serverLength = state.outstanding ? state.outstanding.baseLength : this.editor.length();
    this.presence.setSelection(m.clientId, this.ot.transformSelection(selection.clamp(serverLength)));
  }

  onLocalChange(op, inverse, undoStep) {
    if (this.ot === null || this.readOnly) {
      return; // a view-only editor refuses changes before they happen (room-screen.js)
    }
    if (!undoStep) {
      // CodeMirror reports one input event's changes as one operation: no edit shares the last one's event.
      this.undo.add(op, inverse, false, Date.now());
    }
    this.presence.transform(op);
    this.ot.applyClient(op);
    this.events.sync(this.syncState());
  }

  afterServerMessage() {
    for (const m of [...this.pendingCursors.values()]) {
      if (m.revision <= this.ot.revision) {
        this.applyCursor(m);
      }
    }
    this.flushCursor();
    this.events.sync(this.syncState());
  }

  remember(revision, op) {
    this.history.push({ revision, op });
    if (this.history.length > HISTORY_LIMIT) {
      this.history.shift();
    }
  }

  /**
   * Our selection goes out only while nothing is unacknowledged, so its offsets are the server's;
   * a view-only session never sends one.
   */
  queueCursor() {
    this.cursorDirty = true;
    if (this.cursorTimer === null) {
      this.cursorTimer = setTimeout(() => {
        this.cursorTimer = null;
        this.flushCursor();
      }, CURSOR_THROTTLE_MS);
    }
  }

  flushCursor() {
    if (this.readOnly || !this.cursorDirty || !this.joined || this.ot === null || !this.ot.isSynchronized()) {
      return;
    }
    if (this.socket.sendCursor(this.ot.revision, this.editor.getSelection().ranges)) {
      this.cursorDirty = false;
    }
  }

  /**
   * `loading` before the first text, `saved` when the server has everything, `saving` while an
   * edit is in flight, `pending` while edits wait for the connection, `retrying` after a refused save.
   */
  syncState() {
    if (this.ot === null) {
      return 'loading';
    }
    if (this.ot.isSynchronized()) {
      return 'saved';
    }
    return this.joined ? 'saving' : 'pending';
  }

  /** Drops local state and takes the server's text as a brand-new client (a rare last resort). */
  startOver(reason) {
    this.events.notice(reason, 'warn');
    this.clientId = newClientId();
    this.resumeToken = null;
    this.ot = null;
    this.joined = false;
    this.history = [];
    this.pendingCursors.clear();
    clearTimeout(this.resendTimer);
    this.socket.restart();
  }

  setName(name) {
    this.name = name;
    if (this.joined) {
      this.socket.sendRename(name);
    }
    this.presence.setSelf(this.clientId, name, this.presence.self ? this.presence.self.color : null, this.role());
  }

  /** Our role in presence: `viewer` on a view-only link. */
  role() {
    return this.readOnly ? 'viewer' : 'editor';
  }

  /** Asks the server to change the room's language; false when offline or view-only. */
  setLanguage(language) {
    return !this.readOnly && this.joined && this.socket.sendSetLanguage(language);
  }

  retryNow() {
    this.socket.retryNow();
  }
}
