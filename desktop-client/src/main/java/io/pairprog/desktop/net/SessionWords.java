package io.pairprog.desktop.net;

import io.pairprog.client.Notice;
import io.pairprog.client.Status;
import io.pairprog.protocol.ClientAction;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.ErrorCode;

/** The desktop's words for what a {@code RoomClient} reports: the status bar's detail, notices, and why a room closed. */
final class SessionWords {
    private static final String RELOADED = " The room was reloaded from the server; edits it had not stored were dropped.";

    private final ServerAddress server;
    private final RoomRef target;

    SessionWords(ServerAddress server, RoomRef target) {
        this.server = server;
        this.target = target;
    }

    /** The status bar's line: why we are not simply online, and what happens next. */
    String detail(Status status) {
        Status.Cause cause = status.cause();
        return switch (status.phase()) {
            case CLOSED -> cause instanceof Status.Dropped d ? whyClosedForGood(d.code(), d.reason()) : "left the room";
            case ONLINE -> cause instanceof Status.Refused r
                    ? "edit not stored (" + r.code() + ": " + r.message() + "); retrying in " + seconds(status.retryInMillis())
                    : "";
            case OFFLINE -> describe(cause) + "; reconnecting in " + seconds(status.retryInMillis());
            case CONNECTING, JOINING -> cause == null ? "" : describe(cause) + "; reconnecting";
        };
    }

    /** For the start screen, once the server refused the connection for good. */
    String whyClosedForGood(int code, String why) {
        return switch (code) {
            case CloseCodes.ROOM_NOT_FOUND -> target.viewOnly()
                    ? "The view-only link " + target.id() + " is not valid on " + server + "."
                    : "There is no room " + target.id() + " on " + server + ".";
            case CloseCodes.INVALID_ROOM_ID -> "\"" + target.id() + "\" is not a "
                    + (target.viewOnly() ? "view-only link." : "room ID.");
            default -> "The server refused this client: " + why;
        };
    }

    /** A notice as the status bar shows it. */
    static String describe(Notice notice) {
        ErrorCode code = notice.code();
        String refusal = code + ": " + notice.message();
        String who = code == ErrorCode.READ_ONLY ? "View only: the server" : "The server";
        return switch (notice.kind()) {
            case CATCHING_UP -> code == null ? "Lost step with the server (" + notice.message() + "); catching up."
                    : "Catching up with the server before resending (" + refusal + ").";
            case STARTED_OVER -> code == null ? "The editor and the server disagree (" + notice.message() + ")." + RELOADED
                    : code.clientAction() == ClientAction.STOP ? who + " refused an edit (" + notice.message() + ")." + RELOADED
                    : "The server refused our edits (" + refusal + ")." + RELOADED;
            case REFUSED -> who + " refused the change (" + notice.message() + ").";
            case REPORTED -> "The server reported " + refusal;
        };
    }

    private static String describe(Status.Cause cause) {
        if (cause instanceof Status.Refused r) {
            return "the server could not let us join (" + r.code() + ": " + r.message() + ")";
        }
        Status.Dropped d = (Status.Dropped) cause;
        String what = switch (d.code()) {
            case CloseCodes.GOING_AWAY -> "the server is restarting";
            case CloseCodes.TRY_AGAIN_LATER -> "the server's database is unavailable";
            case CloseCodes.INTERNAL_ERROR -> "the server hit an error";
            case CloseCodes.IDLE_TIMEOUT -> "the connection was idle too long";
            case CloseCodes.TOO_MANY_CONNECTIONS -> "too many connections from this computer";
            case CloseCodes.SLOW_CONSUMER -> "this client fell behind";
            case 1006 -> "connection lost";
            default -> "disconnected (" + d.code() + ")";
        };
        String reason = d.reason();
        return reason == null || reason.isBlank() || d.code() == CloseCodes.GOING_AWAY ? what : what + ": " + reason;
    }

    private static String seconds(long millis) {
        return Math.max(1, Math.round(millis / 1000.0)) + " s";
    }
}
