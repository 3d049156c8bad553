/**
 * The room: CodeMirror with its adapter, presence, autocomplete and undo, wired to a Session, plus
 * the toolbar (language, history, download, copy link), the connection pill and the status bar.
 *
 * The same screen shows a view-only link (`/?view=<viewId>`, body `data-mode="view"`): the socket is
 * `/ws/view/{viewId}`, the editor refuses every change, and whatever edits (language, undo,
 * autocomplete, history, restore) is left out. That page knows only the view id; the room id is
 * never requested, shown or put into a URL.
 */
import { EditorAdapter } from './editor-adapter.js';
import { Presence } from './presence.js';
import { Autocomplete } from './autocomplete.js';
import { UndoManager } from './undo-manager.js';
import { Session } from './session.js';
import { HistoryPanel } from './history-panel.js';
import { notFoundScreen } from './screens.js';
import { $, LANGUAGES, askName, copyLink, copyText, fillLanguages, requestJson, show, toast, viewUrl } from './ui.js';

const REMOTE_ORIGINS = new Set(['*remote', 'setValue']); // the only changes a view-only editor lets in

function download(cm, filePrefix, language) {
  const { ext } = LANGUAGES[language] || LANGUAGES.plaintext;
  const blob = new Blob([cm.getValue()], { type: 'text/plain;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `pairprog-${filePrefix}.${ext}`;
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
    undoDepth: 0, // undo is ours (UndoManager): CodeMirror's would also undo what others typed
    extraKeys: {
      Tab: indentOrInsert,
      'Shift-Tab': 'indentLess',
      'Ctrl-/': 'toggleComment',
      'Cmd-/': 'toggleComment',
    },
  });
  return cm;
}

/** The room `roomId`, to edit. */
export async function roomScreen(roomId) {
  const name = await askName();
  show('room');
  document.body.dataset.mode = 'edit';
  document.title = 'pairprog · room';
  $('room-id').textContent = `${roomId.slice(0, 8)}…`;
  $('room-id').title = roomId;
  for (const id of ['copy-link', 'copy-link-2']) {
    $(id).addEventListener('click', () => copyLink(roomId));
  }
  // The view id is fetched ahead, so the click copies at once (a copy must follow the click closely).
  let viewId = null;
  const fetchViewId = async () => {
    viewId = viewId || (await requestJson(`/rooms/${encodeURIComponent(roomId)}`)).viewId || null;
    return viewId;
  };
  $('copy-view-link').addEventListener('click', async () => {
    try {
      const id = await fetchViewId();
      if (!id) {
        throw new Error('this server has no view-only links');
      }
      copyText(viewUrl(id), 'View-only link copied — whoever opens it can watch, not edit');
    } catch (e) {
      toast(`Could not get the view-only link: ${e.message}`, 'error');
    }
  });

  const room = openRoom({ socketPath: `/ws/${encodeURIComponent(roomId)}`, readOnly: false, name, filePrefix: roomId.slice(0, 8) });
  room.events.gone = (reason) => notFoundScreen(roomId, reason);
  room.events.loaded = () => fetchViewId().catch(() => {}); // a failure is reported when the link is asked for
  const { cm, editor, undo, session } = room;

  const applyUndo = (which) => () => {
    const op = undo[which](editor.getValue()); // its inverse is on the other stack already
    if (op !== null) {
      const end = editor.applyOperation(op, { local: true });
      cm.setCursor(cm.posFromIndex(end));
    }
  };
  cm.addKeyMap({
    'Ctrl-Z': applyUndo('undo'),
    'Cmd-Z': applyUndo('undo'),
    'Ctrl-Y': applyUndo('redo'),
    'Shift-Ctrl-Z': applyUndo('redo'),
    'Shift-Cmd-Z': applyUndo('redo'),
  });
  new Autocomplete(cm, { language: () => room.language(), enabled: () => session.isLoaded() });
  const history = new HistoryPanel({ roomId, name: () => session.name(), mode: () => cm.getOption('mode') });
  $('history-button').addEventListener('click', () => history.open());

  $('language').addEventListener('change', () => {
    const wanted = $('language').value;
    if (session.setLanguage(wanted)) {
      room.setLanguage(wanted); // the server's `language` message confirms it for everyone
    } else {
      $('language').value = room.language();
      toast('You are offline; the language can be changed once you are back online.', 'warn');
    }
  });
  session.start();
  window.addEventListener('beforeunload', (event) => {
    if (session.hasUnstoredEdits()) {
      event.preventDefault(); // unsent edits: let the browser ask before they are lost
      event.returnValue = '';
    }
  });
}

/** The room behind the view-only link `viewId`, to watch. */
export async function viewScreen(viewId) {
  const name = await askName();
  show('room');
  document.body.dataset.mode = 'view';
  document.title = 'pairprog · view only';
  $('view-banner').hidden = false;
  $('room-id').hidden = true;
  $('room-label').textContent = 'View only';
  $('history-button').hidden = true;
  $('copy-link-2').hidden = true;
  $('share-text').textContent = 'You are watching through a view-only link.';
  $('language').disabled = true;
  $('language').title = 'Only editors can change the language';
  for (const id of ['copy-link', 'copy-view-link']) {
    $(id).addEventListener('click', () => copyText(viewUrl(viewId), 'View-only link copied'));
  }

  const room = openRoom({ socketPath: `/ws/view/${encodeURIComponent(viewId)}`, readOnly: true, name, filePrefix: 'view' });
  room.events.gone = (reason) => notFoundScreen(viewId, { 'not-found': 'view-not-found', 'invalid-room': 'invalid-view' }[reason] ?? reason);
  const { cm, session } = room;
  // Typing, pasting, dropping, cutting: CodeMirror's readOnly refuses them; this refuses any other way in.
  cm.on('beforeChange', (_, change) => {
    if (!REMOTE_ORIGINS.has(change.origin)) {
      change.cancel();
    }
  });
  session.start();
}

/**
 * The parts both screens share: the editor, presence, the session and the chrome that shows its
 * state. Returns them with `events` (the screen fills in `gone` and may add `loaded`), the room's
 * `language()` and `setLanguage(value)` for the editor.
 */
function openRoom({ socketPath, readOnly, name, filePrefix }) {
  const cm = makeEditor();
  const editor = new EditorAdapter(cm);
  const presence = new Presence(editor, $('participants'));
  const undo = new UndoManager();
  let language = 'python';

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

  const screenEvents = { gone: () => {}, loaded: () => {} };
  const session = new Session({
    socketPath,
    readOnly,
    name,
    editor,
    presence,
    undo,
    events: {
      loaded: () => {
        cm.setOption('readOnly', readOnly); // true: selectable and copyable, never editable
        $('editor-overlay').hidden = true;
        cm.focus();
        screenEvents.loaded();
      },
      connection: (state, detail) => showConnection(state, detail),
      sync: (state) => showSync(state),
      language: (value, byClientId) => {
        if (value !== language && byClientId && byClientId !== session.clientId()) {
          const who = presence.peers.get(byClientId);
          toast(`${who && who.name ? who.name : 'Someone'} switched the language to ${LANGUAGES[value] ? LANGUAGES[value].label : value}`);
        }
        setLanguage(value);
      },
      gone: (reason) => screenEvents.gone(reason),
      notice: (text, level) => toast(text, level),
    },
  });
  presence.registerCallbacks({
    rename: async () => {
      const newName = await askName({ force: true, title: 'Change your display name' });
      session.setName(newName);
    },
  });

  $('download').addEventListener('click', () => download(cm, filePrefix, language));
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
      saved: readOnly ? 'Up to date' : 'All changes saved',
      saving: 'Saving…',
      pending: 'Offline — your edits are kept and will be sent',
      retrying: 'The server could not save yet — retrying',
    }[state];
    if (session.isLoaded()) {
      $('revision').textContent = `rev ${session.revision()}`;
    }
  }

  return { cm, editor, undo, session, events: screenEvents, language: () => language, setLanguage };
}
