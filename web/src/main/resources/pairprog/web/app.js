/**
 * The page's entry point: `/` shows the start screen, `/?room=<id>` opens that room directly,
 * `/?view=<view id>` opens a room read-only (view-only link), anything else there shows the
 * "not a room link" screen.
 *
 * The module map: ui.js (shared helpers) · screens.js (start, not found) · room-screen.js (the
 * room) · session.js (the wiring of one room) · room-client.js with room-replica.js, room-link.js,
 * room-presence.js and room-refusals.js (the protocol's client half, twins of io.pairprog.client) ·
 * protocol.js (codes and messages) · text-operation.js, selection.js, ot-client.js, undo-manager.js
 * (the OT core, twins of io.pairprog.ot) · socket-adapter.js, editor-adapter.js (the two seams, as in
 * ot.js) · presence.js, autocomplete.js · history-panel.js (the time slider) over room-history.js (the
 * history REST calls).
 *
 * The body's data attributes (`data-view`, `data-mode` edit/view, `data-connection`, `data-sync`)
 * mirror what the page shows, for styling and for the browser tests.
 */
import { $, ROOM_ID, THEME_KEY, VIEW_ID, storage } from './ui.js';
import { notFoundScreen, startScreen } from './screens.js';
import { roomScreen, viewScreen } from './room-screen.js';

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
  const params = new URLSearchParams(location.search);
  const room = params.get('room');
  const view = params.get('view');
  if (room === null && view !== null) {
    if (VIEW_ID.test(view.trim())) {
      viewScreen(view.trim());
    } else {
      notFoundScreen(view, 'invalid-view');
    }
  } else if (room === null) {
    startScreen();
  } else if (ROOM_ID.test(room.trim())) {
    roomScreen(room.trim().toLowerCase());
  } else {
    notFoundScreen(room, 'invalid-room');
  }
}

main();
