/**
 * One browser tab in one room: room-client.js (the protocol) wired to the editor adapter, the socket
 * adapter, presence, undo and the page's chrome, as the desktop's RoomSession wires the same client.
 *
 * Identity. `clientId` is made fresh for every page load (crypto random, `web-<24 hex>`) and kept
 * for every reconnect of that page, as the protocol asks. It is deliberately not kept in
 * sessionStorage: browsers copy sessionStorage into a duplicated tab, and two live tabs with one
 * clientId would reuse each other's clientSeq numbers. A reload is therefore a new client; it loses
 * nothing stored, because it starts from the server's text.
 *
 * Ordering. Every server message is handled in arrival order on the page's one thread. Local edits
 * are applied to the editor at once and reach the client synchronously, so typing never waits.
 *
 * View only. A session opened through a view-only link (`readOnly`, socket `/ws/view/{viewId}`) is
 * a client that only receives: the editor refuses every local change, and the client sends no `cursor`;
 * `rename` is the one thing it says after `hello`. Should the server still answer READ_ONLY, the user
 * is told once.
 */
import { NoticeKind, Phase, RoomClient } from './room-client.js';
import { SocketAdapter } from './socket-adapter.js';

/** What the user is told when an error makes us start over or stop; other codes get the general wording. */
const NOTICES = Object.freeze({
  DOCUMENT_TOO_LARGE: 'That edit would make the document too large, so it was undone.',
  MESSAGE_TOO_LARGE: 'That edit was too large to send, so it was undone.',
  STORAGE_QUOTA_EXCEEDED: 'This room has stored as much history as a room may; edits are no longer saved. Copy the text into a new room to go on.',
  READ_ONLY: 'This is a view-only link: you can watch, but nothing you do here changes the code.',
});
const START_OVER_NOTICE = 'The server refused an edit; the document was reloaded from the server.';
const LOST_TRACK_NOTICE = 'The editor lost track of the document and reloaded it from the server.';
/** `gone(reason)` by close code; any other code that ends the session is `refused`. */
const GONE_REASONS = Object.freeze({ 4404: 'not-found', 4400: 'invalid-room' });
/** The page's connection states: `connecting` (until joined), `online`, `offline` (retrying), `gone`. */
const CONNECTION = Object.freeze({
  [Phase.CONNECTING]: 'connecting', [Phase.JOINING]: 'connecting', [Phase.ONLINE]: 'online',
  [Phase.OFFLINE]: 'offline', [Phase.CLOSED]: 'gone',
});

/** A fresh client id: `web-` and 24 random hex digits (crypto.getRandomValues works without HTTPS). */
export function newClientId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Timers on the page's thread, as a RoomClient's scheduler. */
const TIMERS = Object.freeze({
  schedule(delayMillis, task) {
    const timer = setTimeout(task, delayMillis);
    return () => clearTimeout(timer);
  },
});

export class Session {
  /**
   * `socketPath`: `/ws/{roomId}`, or `/ws/view/{viewId}` with `readOnly`.
   * `events`: `connection(state, detail)`, `sync(state)`, `loaded()`, `language(language, byClientId)`,
   * `gone(reason)`, `notice(text, level)`.
   */
  constructor({ socketPath, readOnly = false, name, editor, presence, undo, events }) {
    this.readOnly = readOnly;
    this.editor = editor;
    this.presence = presence;
    this.undo = undo;
    this.events = events;
    this.told = new Set(); // the refusals already explained to the user
    this.shownConnection = null;

    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.socket = new SocketAdapter(`${scheme}//${location.host}${socketPath}`);
    this.client = new RoomClient(() => newClientId(), name, readOnly, this.socket, TIMERS, this.document(), this.listener());
    this.socket.registerCallbacks({
      opened: () => this.client.opened(),
      message: (m) => this.client.receive(m),
      closed: (code, reason) => this.client.closed(code, reason),
    });
    editor.registerCallbacks({
      change: (op, inverse, undoStep) => this.onLocalChange(op, inverse, undoStep),
      selectionChange: () => this.client.localSelectionChanged(),
    });
    window.addEventListener('online', () => this.client.retryNow());
    // A page left for another one may be kept alive in the back/forward cache, socket and all: the
    // others would go on seeing us in the room. Leaving closes it; coming back connects again.
    window.addEventListener('pagehide', () => {
      if (this.client.phase() !== Phase.CLOSED) {
        this.socket.disconnect();
        this.client.closed(1000, 'page hidden');
      }
    });
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) {
        this.client.retryNow();
      }
    });
  }

  start() {
    this.client.start();
  }

  /** The editor as the client's document; a text from the server also resets undo and the carets shown. */
  document() {
    return {
      reset: (text) => {
        this.editor.setValue(text);
        this.undo.clear();
        this.presence.clearSelections();
        this.events.loaded();
      },
      applyRemote: (op) => {
        this.editor.applyOperation(op);
        this.presence.transform(op);
        this.undo.transform(op);
      },
      selection: () => this.editor.getSelection(),
    };
  }

  /** What the client reports, shown by the page. */
  listener() {
    return {
      status: (s) => this.showStatus(s),
      participants: (everyone, selfId) => {
        const self = everyone.find((p) => p.clientId === selfId);
        this.presence.setSelf(selfId, self ? self.name : this.client.name(), self ? self.color : null, this.role());
        this.presence.setParticipants(everyone);
      },
      remoteSelection: (clientId, selection) => this.presence.setSelection(clientId, selection),
      language: (language, byClientId) => this.events.language(language, byClientId),
      notice: (notice) => this.tell(notice),
      closed: (code) => this.events.gone(GONE_REASONS[code] ?? 'refused'),
    };
  }

  /** The connection pill changes with the phase (and each new wait while offline); the sync label with every step. */
  showStatus(status) {
    const state = CONNECTION[status.phase];
    const detail = state === 'offline' ? { retryInMs: status.retryInMillis, code: status.cause ? status.cause.code : null } : {};
    const shown = `${state} ${detail.retryInMs ?? ''}`;
    if (shown !== this.shownConnection) {
      this.shownConnection = shown;
      this.events.connection(state, detail);
    }
    this.events.sync(status.sync.toLowerCase());
  }

  /** A notice in the page's words: a start-over or a refusal is shown (a refusal once per code), the rest logged. */
  tell({ kind, code, message }) {
    if (kind === NoticeKind.STARTED_OVER) {
      if (code === null) {
        console.error('pairprog: could not apply a server message; the room was reloaded', message);
      }
      this.events.notice(code === null ? LOST_TRACK_NOTICE : NOTICES[code] ?? START_OVER_NOTICE, 'warn');
    } else if (kind === NoticeKind.REFUSED) {
      if (!this.told.has(code)) {
        this.told.add(code);
        this.events.notice(NOTICES[code] ?? `The server refused a change: ${message}`, 'warn');
      }
    } else if (kind === NoticeKind.CATCHING_UP) {
      console.info('pairprog: catching up with the server', code ?? '', message);
    } else {
      console.warn('pairprog: server error', code, message);
    }
  }

  onLocalChange(op, inverse, undoStep) {
    if (!this.isLoaded()) {
      return; // the editor is read-only until the text is in; the reset that follows replaces it anyway
    }
    if (!undoStep) {
      // CodeMirror reports one input event's changes as one operation: no edit shares the last one's event.
      this.undo.add(op, inverse, false, Date.now());
    }
    this.presence.transform(op);
    this.client.localEdit(op);
  }

  setName(name) {
    this.client.rename(name);
  }

  /** Our role in presence: `viewer` on a view-only link. */
  role() {
    return this.readOnly ? 'viewer' : 'editor';
  }

  /** Asks the server to change the room's language; false when offline or view-only. */
  setLanguage(language) {
    return this.client.setLanguage(language);
  }

  retryNow() {
    this.client.retryNow();
  }

  clientId() {
    return this.client.clientId();
  }

  name() {
    return this.client.name();
  }

  /** True once the server's text is in the editor. */
  isLoaded() {
    return this.client.revision() >= 0;
  }

  revision() {
    return this.client.revision();
  }

  /** True when some local edit is not stored yet (leaving now would lose it). */
  hasUnstoredEdits() {
    return this.isLoaded() && !this.client.isSynchronized();
  }
}
