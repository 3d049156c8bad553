/**
 * The room: CodeMirror with its adapter, presence, autocomplete and undo, wired to a Session, plus
 * the toolbar (language, download, copy link), the connection pill and the status bar.
 */
import { EditorAdapter } from './editor-adapter.js';
import { Presence } from './presence.js';
import { Autocomplete } from './autocomplete.js';
import { UndoStack } from './undo-stack.js';
import { Session } from './session.js';
import { notFoundScreen } from './screens.js';
import { $, LANGUAGES, askName, copyLink, fillLanguages, show, toast } from './ui.js';

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

export async function roomScreen(roomId) {
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
