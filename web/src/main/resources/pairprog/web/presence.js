/**
 * Who is in the room and where their cursors are (the Presence section of docs/protocol.md).
 *
 * Peers' selections are kept as offsets in the local document. room-client.js moves a received selection
 * into the local document first (from the server's revision through the stored operations since and
 * our unacknowledged edits); from then on every operation applied locally - remote or typed here - is
 * passed to `transform`, so the carets stay on the characters they were next to.
 *
 * Names and everything else from the server are written with textContent, never as HTML.
 *
 * Everyone has a role: `editor`, or `viewer` for someone who joined through a view-only link
 * (a participant without one is an editor). Viewers are listed with a "viewer" marker.
 */
import { safeColor } from './editor-adapter.js';

const EDITOR = 'editor';
const VIEWER = 'viewer';

export class Presence {
  /** `editor`: the EditorAdapter; `list`: the element that shows the participants. */
  constructor(editor, list) {
    this.editor = editor;
    this.list = list;
    this.self = null; // {clientId, name, color, role}
    this.peers = new Map(); // clientId -> {name, color, role, selection, drawing}
    this.redrawQueued = false;
    this.callbacks = {};
  }

  /** `rename()`: the user clicked their own entry. */
  registerCallbacks(callbacks) {
    Object.assign(this.callbacks, callbacks);
  }

  /** Our own entry, from `joined` (colour, read-only or not) and the name we chose. */
  setSelf(clientId, name, color, role = EDITOR) {
    this.self = { clientId, name, color: safeColor(color), role: roleOf(role) };
    this.peers.delete(clientId);
    this.render();
  }

  /** The full list from `joined`: everyone else replaces what we had; their cursors are kept. */
  setParticipants(participants) {
    const fresh = new Map();
    for (const p of participants || []) {
      if (this.self && p.clientId === this.self.clientId) {
        this.self.color = safeColor(p.color || this.self.color);
        this.self.name = p.name || this.self.name;
        this.self.role = roleOf(p.role || this.self.role);
        continue;
      }
      const old = this.peers.get(p.clientId);
      fresh.set(p.clientId, { selection: null, drawing: null, ...old, name: p.name, color: p.color, role: roleOf(p.role) });
    }
    for (const [id, peer] of this.peers) {
      if (!fresh.has(id) && peer.drawing) {
        peer.drawing.clear();
      }
    }
    this.peers = fresh;
    this.render();
    this.queueRedraw();
  }

  /** `participant`: someone joined or renamed. */
  upsert({ clientId, name, color, role }) {
    if (this.self && clientId === this.self.clientId) {
      this.self.name = name || this.self.name;
      this.self.color = safeColor(color || this.self.color);
    } else {
      const old = this.peers.get(clientId) || { selection: null, drawing: null };
      this.peers.set(clientId, { ...old, name, color, role: roleOf(role) });
      this.queueRedraw();
    }
    this.render();
  }

  /** `participant_left`. */
  remove(clientId) {
    const peer = this.peers.get(clientId);
    if (peer && peer.drawing) {
      peer.drawing.clear();
    }
    this.peers.delete(clientId);
    this.render();
  }

  /** A peer's selection, already moved into the local document; null takes it away. */
  setSelection(clientId, selection) {
    if ((this.self && clientId === this.self.clientId) || (selection === null && !this.peers.has(clientId))) {
      return;
    }
    const peer = this.peers.get(clientId) || { name: 'Someone', color: null, role: EDITOR, drawing: null };
    peer.selection = selection;
    this.peers.set(clientId, peer);
    this.queueRedraw();
  }

  /** An operation was applied to the local document: every caret moves with the text. */
  transform(op) {
    for (const peer of this.peers.values()) {
      if (peer.selection) {
        peer.selection = peer.selection.clamp(op.baseLength).transform(op);
      }
    }
    this.queueRedraw();
  }

  /** Forgets every caret (the document was replaced). */
  clearSelections() {
    for (const peer of this.peers.values()) {
      peer.selection = null;
    }
    this.queueRedraw();
  }

  /** Redraws once per frame at most, however many operations arrive. */
  queueRedraw() {
    if (this.redrawQueued) {
      return;
    }
    this.redrawQueued = true;
    requestAnimationFrame(() => {
      this.redrawQueued = false;
      this.redraw();
    });
  }

  redraw() {
    const length = this.editor.length();
    for (const peer of this.peers.values()) {
      if (peer.drawing) {
        peer.drawing.clear();
        peer.drawing = null;
      }
      if (peer.selection) {
        peer.drawing = this.editor.drawRemoteSelection(peer.selection.clamp(length), peer.color, peer.name || 'Someone');
      }
    }
  }

  count() {
    return this.peers.size + (this.self ? 1 : 0);
  }

  /** The participants list: a coloured avatar with initials, the name, "viewer" for viewers, "you" for ourselves. */
  render() {
    const items = [];
    if (this.self) {
      items.push(this.item(this.self, true));
    }
    const others = [...this.peers.entries()]
      .map(([clientId, p]) => ({ clientId, ...p }))
      .sort((a, b) => (a.name || '').localeCompare(b.name || ''));
    for (const p of others) {
      items.push(this.item(p, false));
    }
    this.list.replaceChildren(...items);
    this.list.dataset.count = String(items.length);
  }

  item(p, isSelf) {
    const li = document.createElement('li');
    li.className = isSelf ? 'participant self' : 'participant';
    li.dataset.clientId = p.clientId;
    li.dataset.role = roleOf(p.role);
    const avatar = document.createElement('span');
    avatar.className = 'avatar';
    avatar.style.backgroundColor = safeColor(p.color);
    avatar.textContent = initials(p.name);
    const name = document.createElement('span');
    name.className = 'participant-name';
    name.textContent = p.name || 'Someone';
    li.append(avatar, name);
    if (roleOf(p.role) === VIEWER) {
      const viewer = document.createElement('span');
      viewer.className = 'role-badge';
      viewer.textContent = 'viewer';
      viewer.title = 'Watching through a view-only link';
      li.append(viewer);
    }
    if (isSelf) {
      const you = document.createElement('span');
      you.className = 'you';
      you.textContent = 'you';
      const rename = document.createElement('button');
      rename.type = 'button';
      rename.className = 'rename';
      rename.textContent = '✎';
      rename.title = 'Change your display name';
      rename.setAttribute('aria-label', 'Change your display name');
      rename.addEventListener('click', () => this.callbacks.rename && this.callbacks.rename());
      li.append(you, rename);
    }
    return li;
  }
}

/** A participant's role; anything but `viewer` (including none, from older servers) is an editor. */
function roleOf(role) {
  return role === VIEWER ? VIEWER : EDITOR;
}

function initials(name) {
  const words = String(name || '?').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] || '?'];
  return letters.map((w) => [...w][0].toUpperCase()).join('').slice(0, 4);
}
