/**
 * The two screens outside a room: the start screen (create or join) and the "no such room" screen
 * (for a room link or a view-only link, or a connection the server refuses for good).
 */
import { $, NAME_KEY, cleanName, createRoom, defaultName, fillLanguages, roomIdFrom, roomUrl, show, storage, toast } from './ui.js';

export function startScreen() {
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

export function notFoundScreen(roomText, reason) {
  show('not-found');
  const text = $('not-found-text');
  const code = document.createElement('code');
  code.textContent = roomText.length > 80 ? `${roomText.slice(0, 80)}…` : roomText;
  if (reason === 'invalid-room') {
    $('not-found-title').textContent = 'That’s not a room link';
    text.replaceChildren('The room ID ', code, ' is not valid. Room IDs look like 5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b; check the link you were sent.');
  } else if (reason === 'invalid-view') {
    $('not-found-title').textContent = 'That’s not a view-only link';
    text.replaceChildren('The view id ', code, ' is not valid. View-only links end in ?view= and 22 letters, digits, - or _; check the link you were sent.');
  } else if (reason === 'refused') {
    $('not-found-title').textContent = 'This page may not connect';
    text.replaceChildren('The server refused this page’s connection to ', code, ' and asked it not to try again. If the server sits behind a proxy, the proxy must pass the page’s address on, or the server must allow it (--allowed-origins).');
  } else if (reason === 'view-not-found') {
    $('not-found-title').textContent = 'Room not found';
    text.replaceChildren('The view-only link ', code, ' leads to no room on this server. The link may be mistyped, or the room was made on another server.');
  } else {
    $('not-found-title').textContent = 'Room not found';
    text.replaceChildren('There is no room ', code, ' on this server. The link may be mistyped, or the room was made on another server.');
  }
  $('not-found-create').onclick = () => createRoom('python', (message) => toast(message, 'error'));
}
