/**
 * The page: the start screen (create / join), the room (editor, people, toolbar, status bar) and
 * the "no such room" screen, wired to a Session. `/?room=<id>` opens a room directly.
 *
 * Everything that came from a user or the server is put into the page with textContent.
 * The body's data attributes (`data-view`, `data-connection`, `data-sync`) mirror what the page
 * shows, for styling and for the browser tests.
 */
import { EditorAdapter } from './editor-adapter.js';
import { Presence } from './presence.js';
import { Autocomplete } from './autocomplete.js';
import { UndoStack } from './undo-stack.js';
import { Session } from './session.js';

/** The room languages of docs/protocol.md, with what the editor and the download need. */
const LANGUAGES = {
  python: { label: 'Python', mode: 'python', ext: 'py', indent: 4 },
  javascript: { label: 'JavaScript', mode: 'javascript', ext: 'js', indent: 2 },
  typescript: { label: 'TypeScript', mode: { name: 'javascript', typescript: true }, ext: 'ts', indent: 2 },
  java: { label: 'Java', mode: 'text/x-java', ext: 'java', indent: 4 },
  go: { label: 'Go', mode: 'go', ext: 'go', indent: 4, tabs: true },
  plaintext: { label: 'Plain text', mode: null, ext: 'txt', indent: 4 },
};
const ROOM_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NAME_KEY = 'pairprog.name';
const THEME_KEY = 'pairprog.theme';
const ADJECTIVES = ['Swift', 'Curious', 'Clever', 'Brave', 'Calm', 'Lucky', 'Sunny', 'Quiet', 'Witty', 'Bold'];
const ANIMALS = ['Otter', 'Falcon', 'Panda', 'Lynx', 'Koala', 'Heron', 'Fox', 'Badger', 'Gecko', 'Orca'];

const $ = (id) => document.getElementById(id);

const storage = {
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

function show(view) {
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
function toast(text, level = 'info') {
  const item = document.createElement('div');
  item.className = `toast ${level}`;
  item.textContent = text;
  $('toasts').append(item);
  setTimeout(() => item.classList.add('leaving'), 3600);
  setTimeout(() => item.remove(), 4000);
}

function fillLanguages(select, selected) {
  select.replaceChildren(...Object.entries(LANGUAGES).map(([value, { label }]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    return option;
  }));
  select.value = selected;
}

function defaultName() {
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  return `${pick(ADJECTIVES)} ${pick(ANIMALS)}`;
}

function cleanName(raw) {
  const name = String(raw || '').replace(/\s+/g, ' ').trim();
  return [...name].slice(0, 64).join('') || null;
}

/** The display name: remembered in localStorage, asked once (with a friendly default filled in). */
function askName({ force = false, title } = {}) {
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
function roomIdFrom(text) {
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

function roomUrl(roomId) {
  return `${location.origin}/?room=${encodeURIComponent(roomId)}`;
}

/** `POST /rooms/`, then go there. Errors are shown next to `errorTarget`. */
async function createRoom(language, errorTarget) {
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

function startScreen() {
  show('landing');
  const nameInput = $('landing-name');
  nameInput.value = cleanName(storage.get(NAME_KEY)) || defaultName();
  fillLanguages($('landing-language'), 'python');
  const error = (text) => {
    $('landing-error').textContent = text;
    $('landing-error').hidden = false;
  };
  const rememberName = () => storage.set(NAME_KEY, cleanName(nameInput.value) || defaultName());
  $('create-room').addEventListener('click', async () => {
    rememberName();
    $('create-room').disabled = true;
    await createRoom($('landing-language').value, error);
    $('create-room').disabled = false;
  });
  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const roomId = roomIdFrom($('join-room-id').value);
    if (roomId === null) {
      error('That is not a room ID. It looks like 5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b, or paste the whole link.');
      return;
    }
    rememberName();
    location.assign(roomUrl(roomId));
  });
  $('join-room-id').addEventListener('input', () => {
    $('landing-error').hidden = true;
  });
}

function notFoundScreen(roomText, reason) {
  show('not-found');
  const text = $('not-found-text');
  const code = document.createElement('code');
  code.textContent = roomText.length > 80 ? `${roomText.slice(0, 80)}…` : roomText;
  if (reason === 'invalid-room') {
    $('not-found-title').textContent = 'That’s not a room link';
    text.replaceChildren('The room ID ', code, ' is not valid. Room IDs look like 5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b; check the link you were sent.');
  } else {
    $('not-found-title').textContent = 'Room not found';
    text.replaceChildren('There is no room ', code, ' on this server. The link may be mistyped, or the room was made on another server.');
  }
  $('not-found-create').onclick = () => createRoom('python', (message) => toast(message, 'error'));
}

function copyLink(roomId) {
  const url = roomUrl(roomId);
  const done = () => toast('Link copied — send it to your pair', 'success');
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(url).then(done, () => fallbackCopy(url, done));
  } else {
    fallbackCopy(url, done);
  }
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

function download(cm, roomId, language) {
  const { ext } = LANGUAGES[language] || LANGUAGES.plaintext;
  const blob = new Blob([cm.getValue()], { type: 'text/plain;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `pairprog-${roomId.slice(0, 8)}.${ext}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function makeEditor() {
  const indentOrInsert = (cm) => {
    if (cm.somethingSelected()) {
      cm.indentSelection('add');
    } else {
      cm.replaceSelection(cm.getOption('indentWithTabs') ? '\t' : ' '.repeat(cm.getOption('indentUnit')), 'end', '+input');
    }
  };
  const cm = window.CodeMirror($('editor'), {
    value: '',
    lineSeparator: '\n', // "\r" stays a character, so the editor's text is exactly the server's
    lineNumbers: true,
    matchBrackets: true,
    autoCloseBrackets: true,
    styleActiveLine: true,
    indentUnit: 4,
    tabSize: 4,
    theme: 'pairprog',
    readOnly: 'nocursor',
    undoDepth: 0, // undo is ours (UndoStack): CodeMirror's would also undo what others typed
    extraKeys: {
      Tab: indentOrInsert,
      'Shift-Tab': 'indentLess',
      'Ctrl-/': 'toggleComment',
      'Cmd-/': 'toggleComment',
    },
  });
  return cm;
}

async function roomScreen(roomId) {
  const name = await askName();
  show('room');
  document.title = 'pairprog · room';
  $('room-id').textContent = `${roomId.slice(0, 8)}…`;
  $('room-id').title = roomId;
  for (const id of ['copy-link', 'copy-link-2']) {
    $(id).addEventListener('click', () => copyLink(roomId));
  }

  const cm = makeEditor();
  const editor = new EditorAdapter(cm);
  const presence = new Presence(editor, $('participants'));
  const undo = new UndoStack();
  let language = 'python';
  let loaded = false;
  new Autocomplete(cm, { language: () => language, enabled: () => loaded });

  const applyUndo = (which) => () => {
    undo[which]((op) => {
      const end = editor.applyOperation(op, { local: true });
      cm.setCursor(cm.posFromIndex(end));
    });
  };
  cm.addKeyMap({
    'Ctrl-Z': applyUndo('undo'),
    'Cmd-Z': applyUndo('undo'),
    'Ctrl-Y': applyUndo('redo'),
    'Shift-Ctrl-Z': applyUndo('redo'),
    'Shift-Cmd-Z': applyUndo('redo'),
  });

  const setLanguage = (value) => {
    if (!LANGUAGES[value]) {
      return;
    }
    language = value;
    const spec = LANGUAGES[value];
    cm.setOption('mode', spec.mode);
    cm.setOption('indentUnit', spec.indent);
    cm.setOption('tabSize', spec.indent);
    cm.setOption('indentWithTabs', Boolean(spec.tabs));
    $('language').value = value;
    $('language-label').textContent = spec.label;
    document.body.dataset.language = value;
  };
  fillLanguages($('language'), language);
  setLanguage(language);

  const session = new Session({
    roomId,
    name,
    editor,
    presence,
    undo,
    events: {
      loaded: () => {
        loaded = true;
        cm.setOption('readOnly', false);
        $('editor-overlay').hidden = true;
        cm.focus();
      },
      connection: (state, detail) => showConnection(state, detail),
      sync: (state) => showSync(state),
      language: (value, byClientId) => {
        if (value !== language && byClientId && byClientId !== session.clientId) {
          const who = presence.peers.get(byClientId);
          toast(`${who && who.name ? who.name : 'Someone'} switched the language to ${LANGUAGES[value] ? LANGUAGES[value].label : value}`);
        }
        setLanguage(value);
      },
      gone: (reason) => notFoundScreen(roomId, reason),
      notice: (text, level) => toast(text, level),
    },
  });
  presence.registerCallbacks({
    rename: async () => {
      const newName = await askName({ force: true, title: 'Change your display name' });
      session.setName(newName);
    },
  });

  $('language').addEventListener('change', () => {
    const wanted = $('language').value;
    if (session.setLanguage(wanted)) {
      setLanguage(wanted); // the server's `language` message confirms it for everyone
    } else {
      $('language').value = language;
      toast('You are offline; the language can be changed once you are back online.', 'warn');
    }
  });
  $('download').addEventListener('click', () => download(cm, roomId, language));
  for (const id of ['retry-now', 'overlay-retry']) {
    $(id).addEventListener('click', () => session.retryNow());
  }

  cm.on('cursorActivity', () => {
    const pos = cm.getCursor();
    $('cursor-pos').textContent = `Ln ${pos.line + 1}, Col ${pos.ch + 1}`;
  });
  new MutationObserver(() => {
    const count = Number($('participants').dataset.count || 0);
    $('people-count').textContent = count > 0 ? String(count) : '';
  }).observe($('participants'), { attributes: true, attributeFilter: ['data-count'] });

  let countdown = null;
  function showConnection(state, detail) {
    document.body.dataset.connection = state;
    $('status').dataset.state = state;
    clearInterval(countdown);
    const offline = state === 'offline';
    $('retry-now').hidden = !offline;
    $('overlay-retry').hidden = !offline;
    const text = {
      connecting: 'Connecting…',
      online: 'Live',
      gone: 'Not connected',
    }[state];
    if (!offline) {
      $('status-text').textContent = text;
      $('overlay-text').textContent = 'Connecting to the room…';
      return;
    }
    const retryAt = Date.now() + detail.retryInMs;
    const tick = () => {
      const seconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
      $('status-text').textContent = `Offline · retrying in ${seconds}s`;
      $('overlay-text').textContent = `Can’t reach the server. Retrying in ${seconds}s…`;
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  function showSync(state) {
    document.body.dataset.sync = state;
    const label = $('sync-state');
    label.dataset.state = state;
    label.textContent = {
      loading: 'Loading…',
      saved: 'All changes saved',
      saving: 'Saving…',
      pending: 'Offline — your edits are kept and will be sent',
      retrying: 'The server could not save yet — retrying',
    }[state];
    if (session.ot) {
      $('revision').textContent = `rev ${session.ot.revision}`;
    }
  }

  session.start();
  window.addEventListener('beforeunload', (event) => {
    if (session.ot && !session.ot.isSynchronized()) {
      event.preventDefault(); // unsent edits: let the browser ask before they are lost
      event.returnValue = '';
    }
  });
}

function initTheme() {
  const root = document.documentElement;
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  const current = () => root.dataset.theme || (systemDark.matches ? 'dark' : 'light');
  $('theme-toggle').addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    storage.set(THEME_KEY, next);
  });
}

function main() {
  initTheme();
  const room = new URLSearchParams(location.search).get('room');
  if (room === null) {
    startScreen();
  } else if (ROOM_ID.test(room.trim())) {
    roomScreen(room.trim().toLowerCase());
  } else {
    notFoundScreen(room, 'invalid-room');
  }
}

main();
