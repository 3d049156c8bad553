package io.pairprog.server.room;

import io.pairprog.protocol.ErrorCode;

/** Why the room did not take an edit: the code and message its sender gets. */
record Refusal(ErrorCode code, String message) {
}
