/**
 * What the page does about each `error.code` and WebSocket close code the server sends (docs/protocol.md):
 * the twin of Java's `ClientAction` with `ErrorCode.clientAction()` and `CloseCodes.reconnect(int)` in
 * shared-protocol, held equal to them by a browser test (ProtocolTablesTest). This is the one place the
 * decision lives; room-client.js carries it out. Also the messages a client sends, as Java's `ClientMessage`.
 */

/** What a client does when the server refuses something (Java `ClientAction`). */
export const ClientAction = Object.freeze({
  /** Refused for a passing reason: send it again after a backoff (an edit with the same clientSeq; a refused join connects again). */
  RESEND_LATER: 'RESEND_LATER',
  /** This connection lost step with the room: reconnect at once, hello from the revision held, then resend. */
  CATCH_UP: 'CATCH_UP',
  /** The server cannot go on from our state: drop unacknowledged edits, take the server's text under a new client id. */
  START_OVER: 'START_OVER',
  /** It will never be accepted: do not retry, tell the user (a refused unacknowledged edit is dropped). */
  STOP: 'STOP',
  /** Tell the user or the log, nothing else: a client bug or a REST answer. */
  NOTICE: 'NOTICE',
});

/** `error.code` → what to do (Java `ErrorCode.clientAction()`); the reasons are in ErrorCode's Javadoc. */
export const ERROR_ACTIONS = Object.freeze({
  MALFORMED_MESSAGE: ClientAction.NOTICE,
  UNKNOWN_MESSAGE_TYPE: ClientAction.NOTICE,
  INVALID_ROOM_ID: ClientAction.STOP,
  ROOM_NOT_FOUND: ClientAction.STOP,
  MESSAGE_TOO_LARGE: ClientAction.START_OVER,
  DOCUMENT_TOO_LARGE: ClientAction.START_OVER,
  INVALID_OPERATION: ClientAction.START_OVER,
  REVISION_IN_FUTURE: ClientAction.START_OVER,
  REVISION_NOT_AVAILABLE: ClientAction.CATCH_UP,
  NOT_JOINED: ClientAction.CATCH_UP,
  CLIENT_ID_MISMATCH: ClientAction.CATCH_UP,
  STORE_UNAVAILABLE: ClientAction.RESEND_LATER,
  RETRY_EXHAUSTED: ClientAction.RESEND_LATER,
  RATE_LIMITED: ClientAction.RESEND_LATER,
  TOO_MANY_CONNECTIONS: ClientAction.RESEND_LATER,
  FORBIDDEN_ORIGIN: ClientAction.STOP,
  SLOW_CONSUMER: ClientAction.CATCH_UP,
  INVALID_REQUEST: ClientAction.NOTICE,
  UNSUPPORTED_MEDIA_TYPE: ClientAction.NOTICE,
  NOT_FOUND: ClientAction.NOTICE,
  READ_ONLY: ClientAction.STOP,
  REVISION_NOT_FOUND: ClientAction.NOTICE,
  INTERNAL_ERROR: ClientAction.RESEND_LATER,
  CLIENT_ID_TAKEN: ClientAction.START_OVER,
  STORAGE_QUOTA_EXCEEDED: ClientAction.STOP,
  PATH_NOT_RELATIVE: ClientAction.NOTICE,
  PATH_TRAVERSAL: ClientAction.NOTICE,
  PATH_BAD_CHARACTER: ClientAction.NOTICE,
  PATH_TOO_LONG: ClientAction.NOTICE,
  PATH_TOO_DEEP: ClientAction.NOTICE,
  PATH_CONFLICT: ClientAction.NOTICE,
  PATH_TAKEN: ClientAction.NOTICE,
  FILE_NOT_FOUND: ClientAction.NOTICE,
  FILE_DELETED: ClientAction.STOP,
  MAIN_FILE: ClientAction.NOTICE,
  TOO_MANY_FILES: ClientAction.NOTICE,
  PROJECT_TOO_LARGE: ClientAction.START_OVER,
  BINARY_FILE: ClientAction.NOTICE,
});

/** What to do about `error.code`; a code this page does not know (from a newer server) is only noticed. */
export function clientAction(code) {
  return Object.hasOwn(ERROR_ACTIONS, code) ? ERROR_ACTIONS[code] : ClientAction.NOTICE;
}

/** Whether and when to reconnect once the server has closed the connection (Java `CloseCodes.Reconnect`). */
export const Reconnect = Object.freeze({
  /** After a growing, jittered backoff: the server or the network is having a bad moment. */
  LATER: 'LATER',
  /** At once: nothing was refused, and hello from the revision held catches up. */
  AT_ONCE: 'AT_ONCE',
  /** Never: a new connection would be refused the same way. The session ends; tell the user. */
  NEVER: 'NEVER',
});

/** The close codes the server uses, by their Java names (Java `CloseCodes`); PROTOCOL_VIOLATION is reserved, never sent. */
export const CloseCodes = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  UNSUPPORTED_DATA: 1003,
  MESSAGE_TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
  ROOM_MOVED: 1012,
  TRY_AGAIN_LATER: 1013,
  INVALID_ROOM_ID: 4400,
  PROTOCOL_VIOLATION: 4402,
  FORBIDDEN_ORIGIN: 4403,
  ROOM_NOT_FOUND: 4404,
  IDLE_TIMEOUT: 4408,
  TOO_MANY_CONNECTIONS: 4429,
  SLOW_CONSUMER: 4500,
});

const RECONNECT = new Map([
  [CloseCodes.NORMAL, Reconnect.LATER],
  [CloseCodes.GOING_AWAY, Reconnect.LATER],
  [CloseCodes.UNSUPPORTED_DATA, Reconnect.NEVER],
  [CloseCodes.MESSAGE_TOO_BIG, Reconnect.LATER],
  [CloseCodes.INTERNAL_ERROR, Reconnect.LATER],
  [CloseCodes.ROOM_MOVED, Reconnect.AT_ONCE],
  [CloseCodes.TRY_AGAIN_LATER, Reconnect.LATER],
  [CloseCodes.INVALID_ROOM_ID, Reconnect.NEVER],
  [CloseCodes.PROTOCOL_VIOLATION, Reconnect.LATER],
  [CloseCodes.FORBIDDEN_ORIGIN, Reconnect.NEVER],
  [CloseCodes.ROOM_NOT_FOUND, Reconnect.NEVER],
  [CloseCodes.IDLE_TIMEOUT, Reconnect.AT_ONCE],
  [CloseCodes.TOO_MANY_CONNECTIONS, Reconnect.LATER],
  [CloseCodes.SLOW_CONSUMER, Reconnect.LATER],
]);

/** Whether and when to reconnect after a close with `code`; codes the server does not use (1006 ...) reconnect later. */
export function reconnect(code) {
  return RECONNECT.get(code) ?? Reconnect.LATER;
}

/** `{...fields}` without the null and undefined ones, as Java's encoder leaves them out. */
function message(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}

/** The messages a client sends (Java `ClientMessage`), as the JSON objects that go on the wire. */
export const ClientMessage = Object.freeze({
  /** Join (again) holding the text at `revision`; `resumeToken` from this id's first `joined` proves the id is ours. */
  hello: (clientId, revision, name, resumeToken) => message({ type: 'hello', clientId, revision, name, resumeToken }),
  /** The local edit `clientSeq`, made on the text at `baseRevision` (a TextOperation). */
  op: (clientId, clientSeq, baseRevision, op) => message({ type: 'op', clientId, clientSeq, baseRevision, op: op.toWire() }),
  /** Our selection `ranges` (`[{anchor, head}]`) in the text at `revision`. */
  cursor: (revision, ranges) => message({ type: 'cursor', revision, ranges: ranges.map(({ anchor, head }) => ({ anchor, head })) }),
  /** Our new display name. */
  rename: (name) => message({ type: 'rename', name }),
  /** Change the room's language for everyone. */
  setLanguage: (language) => message({ type: 'set_language', language }),
});
