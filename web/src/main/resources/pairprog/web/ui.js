/**
 * Small pieces every screen uses: element lookup, storage that survives private mode, the view
 * switch, toasts, the language list, the display name and room links.
 * Text from users or the server is always set with textContent.
 */

/** The room languages of docs/protocol.md, with what the editor and the download need. */
export const LANGUAGES = {
  python: { label: 'Python', mode: 'python', ext: 'py', indent: 4 },
  javascript: { label: 'JavaScript', mode: 'javascript', ext: 'js', indent: 2 },
  typescript: { label: 'TypeScript', mode: { name: 'javascript', typescript: true }, ext: 'ts', indent: 2 },
  java: { label: 'Java', mode: 'text/x-java', ext: 'java', indent: 4 },
  go: { label: 'Go', mode: 'go', ext: 'go', indent: 4, tabs: true },
  plaintext: { label: 'Plain text', mode: null, ext: 'txt', indent: 4 },
};
/** A canonical UUID, the only room id the server accepts. */
export const ROOM_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A view id: 22 base64url characters (128 random bits), unrelated to the room id it opens. */
export const VIEW_ID = /^[A-Za-z0-9_-]{22}$/;
/** localStorage keys: the display name and the chosen theme. */
export const NAME_KEY = 'pairprog.name';
export const THEME_KEY = 'pairprog.theme';
const ADJECTIVES = ['Swift', 'Curious', 'Clever', 'Brave', 'Calm', 'Lucky', 'Sunny', 'Quiet', 'Witty', 'Bold'];
const ANIMALS = ['Otter', 'Falcon', 'Panda', 'Lynx', 'Koala', 'Heron', 'Fox', 'Badger', 'Gecko', 'Orca'];

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** localStorage that degrades to nothing (private mode, storage disabled) instead of throwing. */
export const storage = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch (e) {
      // private mode: remembered for this page only
    }
  },
};

/** Shows one of the three views (`landing`, `room`, `not-found`) and the room-only chrome with it. */
export function show(view) {
  document.body.dataset.view = view;
  for (const id of ['landing', 'room', 'not-found']) {
    $(id).hidden = id !== view;
  }
  const inRoom = view === 'room';
  $('room-bar').hidden = !inRoom;
  $('room-tools').hidden = !inRoom;
  $('statusbar').hidden = !inRoom;
}

/** A short message in the corner; `level` is info, success, warn or error. */
export function toast(text, level = 'info') {
  const item = document.createElement('div');
  item.className = `toast ${level}`;
  item.textContent = text;
  $('toasts').append(item);
  setTimeout(() => item.classList.add('leaving'), 3600);
  setTimeout(() => item.remove(), 4000);
}

/** Fills a `<select>` with the room languages. */
export function fillLanguages(select, selected) {
  select.replaceChildren(...Object.entries(LANGUAGES).map(([value, { label }]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    return option;
  }));
  select.value = selected;
}

/** A friendly default name such as "Swift Otter". */
export function defaultName() {
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  return `${pick(ADJECTIVES)} ${pick(ANIMALS)}`;
}

/** `raw` with runs of white space collapsed, at most 64 characters (the protocol's limit), or null if empty. */
export function cleanName(raw) {
  const name = String(raw || '').replace(/\s+/g, ' ').trim();
  return [...name].slice(0, 64).join('') || null;
}

/** The display name: remembered in localStorage, asked once (with a friendly default filled in). */
export function askName({ force = false, title } = {}) {
  const known = cleanName(storage.get(NAME_KEY));
  if (known && !force) {
    return Promise.resolve(known);
  }
  const dialog = $('name-dialog');
  const input = $('name-input');
  $('name-dialog-title').textContent = title || 'What should others call you?';
  input.value = known || defaultName();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const name = cleanName(input.value) || known || defaultName();
      storage.set(NAME_KEY, name);
      resolve(name);
    }, { once: true });
    dialog.showModal();
    input.select();
  });
}

/** The room id in `text`, which may be a bare id or a pasted link; null if there is none. */
export function roomIdFrom(text) {
  const raw = String(text || '').trim();
  try {
    const fromLink = new URL(raw).searchParams.get('room');
    if (fromLink !== null) {
      return ROOM_ID.test(fromLink.trim()) ? fromLink.trim().toLowerCase() : null;
    }
  } catch (e) {
    // not a link
  }
  return ROOM_ID.test(raw) ? raw.toLowerCase() : null;
}

/** The link that opens a room: `/?room=<id>`. */
export function roomUrl(roomId) {
  return `${location.origin}/?room=${encodeURIComponent(roomId)}`;
}

/** `POST /rooms/`, then go there. Errors are shown next to `errorTarget`. */
export async function createRoom(language, errorTarget) {
  let response;
  try {
    response = await fetch('/rooms/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ language }),
    });
  } catch (e) {
    errorTarget('Can’t reach the pairprog server. Check that it is running, then try again.');
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.roomId !== 'string') {
    errorTarget(response.status === 503
      ? 'The server’s database is unavailable right now. Try again in a moment.'
      : `The server could not create a room${body.message ? `: ${body.message}` : '.'}`);
    return;
  }
  location.assign(roomUrl(body.roomId));
}

/** The read-only link to a room: `/?view=<view id>`; it never contains the room id. */
export function viewUrl(viewId) {
  return `${location.origin}/?view=${encodeURIComponent(viewId)}`;
}

/** Copies the room's link (Clipboard API where allowed, else the old copy command). */
export function copyLink(roomId) {
  copyText(roomUrl(roomId), 'Link copied — send it to your pair');
}

/** Copies `text` and confirms with the toast `confirmation`. */
export function copyText(text, confirmation) {
  const done = () => toast(confirmation, 'success');
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
  } else {
    fallbackCopy(text, done);
  }
}

/** A failed REST call: the HTTP status (0 when the server was not reached) and the body's error code. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * One REST call returning JSON; anything but a 2xx answer becomes an ApiError carrying the
 * error body's `code` and `message`.
 */
export async function requestJson(url, { method = 'GET', body } = {}) {
  let response;
  try {
    response = await fetch(url, body === undefined ? { method } : {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, null, 'Can’t reach the pairprog server.');
  }
  const json = await response.json().catch(() => null);
  if (!response.ok || json === null) {
    const error = json || {};
    throw new ApiError(response.status, error.code || null,
      typeof error.message === 'string' ? error.message : `the server answered ${response.status}`);
  }
  return json;
}

function fallbackCopy(text, done) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (ok) {
    done();
  } else {
    window.prompt('Copy this link:', text);
  }
}
