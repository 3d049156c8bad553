package io.pairprog.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import java.util.List;

/**
 * A message from the server to a client. Encode and decode with {@link MessageCodec}; the Jackson
 * annotations here only shape the output.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.InitialCode.class, name = ServerMessage.InitialCode.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.CodeUpdate.class, name = ServerMessage.CodeUpdate.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.Joined.class, name = ServerMessage.Joined.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.Op.class, name = ServerMessage.Op.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.Ack.class, name = ServerMessage.Ack.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = ServerMessage.Error.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.ParticipantChanged.class, name = ServerMessage.ParticipantChanged.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.ParticipantLeft.class, name = ServerMessage.ParticipantLeft.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.Cursor.class, name = ServerMessage.Cursor.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.Language.class, name = ServerMessage.Language.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.Files.class, name = ServerMessage.Files.TYPE),
        @JsonSubTypes.Type(value = ServerMessage.FileChanged.class, name = ServerMessage.FileChanged.TYPE)})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerMessage permits ServerMessage.InitialCode, ServerMessage.CodeUpdate,
        ServerMessage.Joined, ServerMessage.Op, ServerMessage.Ack, ServerMessage.Error,
        ServerMessage.ParticipantChanged, ServerMessage.ParticipantLeft, ServerMessage.Cursor, ServerMessage.Language,
        ServerMessage.Files, ServerMessage.FileChanged {

    /** The document as the server holds it at {@code revision}, sent when a socket opens. {@code language} may be null. */
    @JsonTypeName(InitialCode.TYPE)
    record InitialCode(String code, long revision, String language) implements ServerMessage {
        public static final String TYPE = "initial_code";

        public InitialCode {
            Require.present(TYPE, "code", code);
            Require.nonNegative(TYPE, "revision", revision);
        }
    }

    /** The whole document after a change, for seed clients that do not speak OT. */
    @JsonTypeName(CodeUpdate.TYPE)
    record CodeUpdate(String code, long revision) implements ServerMessage {
        public static final String TYPE = "code_update";

        public CodeUpdate {
            Require.present(TYPE, "code", code);
            Require.nonNegative(TYPE, "revision", revision);
        }
    }

    /**
     * Ends the reply to {@code hello}: every operation up to {@code revision} has been sent, and
     * from now on the connection receives broadcasts and may send {@code op}s. {@code color} is the
     * joiner's colour; {@code participants} is everyone joined now, the joiner included. {@code readOnly}
     * is true on a connection opened through a view-only link: every edit it sends is refused with
     * {@link ErrorCode#READ_ONLY}. {@code resumeToken} is sent once, when the client id is new to the room:
     * the client keeps it and sends it with every later {@code hello} of that id.
     */
    @JsonTypeName(Joined.TYPE)
    record Joined(String clientId, long revision, String color, String language, List<Participant> participants,
                  boolean readOnly, String resumeToken) implements ServerMessage {
        public static final String TYPE = "joined";

        public Joined {
            Require.clientId(TYPE, "clientId", clientId);
            Require.nonNegative(TYPE, "revision", revision);
            Require.present(TYPE, "color", color);
            Require.present(TYPE, "language", language);
            participants = Require.list(TYPE, "participants", participants);
            Require.optionalToken(TYPE, "resumeToken", resumeToken);
        }

        /** A join that hands out no token: the client id was already bound to this client. */
        public Joined(String clientId, long revision, String color, String language, List<Participant> participants,
                      boolean readOnly) {
            this(clientId, revision, color, language, participants, readOnly, null);
        }
    }

    /**
     * An operation stored at {@code revision}, written by {@code clientId} as its {@code clientSeq};
     * it applies to the document at {@code revision - 1}. A client that finds its own outstanding
     * operation here (after a reconnect) treats it as the ack.
     */
    @JsonTypeName(Op.TYPE)
    record Op(long revision, String clientId, long clientSeq, TextOperation op) implements ServerMessage {
        public static final String TYPE = "op";

        public Op {
            Require.nonNegative(TYPE, "revision", revision);
            Require.clientId(TYPE, "clientId", clientId);
            Require.nonNegative(TYPE, "clientSeq", clientSeq);
            Require.present(TYPE, "op", op);
        }
    }

    /** The sender's operation {@code clientSeq} is stored, at {@code revision}. */
    @JsonTypeName(Ack.TYPE)
    record Ack(long revision, long clientSeq) implements ServerMessage {
        public static final String TYPE = "ack";

        public Ack {
            Require.nonNegative(TYPE, "revision", revision);
            Require.nonNegative(TYPE, "clientSeq", clientSeq);
        }
    }

    /**
     * A request failed. {@code clientSeq} names the rejected operation when there is one, else is
     * null; {@code message} is for people, {@code code} for programs.
     */
    @JsonTypeName(Error.TYPE)
    record Error(ErrorCode code, String message, Long clientSeq, Long requestId) implements ServerMessage {
        public static final String TYPE = "error";

        public Error {
            Require.present(TYPE, "code", code);
            Require.present(TYPE, "message", message);
            Require.nonNegative(TYPE, "clientSeq", clientSeq);
        }

        public Error(ErrorCode code, String message, Long clientSeq) {
            this(code, message, clientSeq, null);
        }
    }

    /**
     * Someone joined the room or changed their name: replace what is shown for {@code clientId}.
     * {@code role} is as in {@link Participant}.
     */
    @JsonTypeName(ParticipantChanged.TYPE)
    record ParticipantChanged(String clientId, String name, String color, String role) implements ServerMessage {
        public static final String TYPE = "participant";

        public ParticipantChanged {
            Require.clientId(TYPE, "clientId", clientId);
            Require.name(TYPE, "name", name);
            Require.present(TYPE, "color", color);
            role = Require.role(TYPE, "role", role);
        }
    }

    /** The last connection of {@code clientId} closed. */
    @JsonTypeName(ParticipantLeft.TYPE)
    record ParticipantLeft(String clientId) implements ServerMessage {
        public static final String TYPE = "participant_left";

        public ParticipantLeft {
            Require.clientId(TYPE, "clientId", clientId);
        }
    }

    /**
     * Someone's selection(s) as positions in the document at {@code revision}; a client transforms them
     * through its unacknowledged edits before drawing them.
     */
    @JsonTypeName(Cursor.TYPE)
    record Cursor(String clientId, long revision, List<Selection.Range> ranges) implements ServerMessage {
        public static final String TYPE = "cursor";

        public Cursor {
            Require.clientId(TYPE, "clientId", clientId);
            Require.nonNegative(TYPE, "revision", revision);
            ranges = Require.list(TYPE, "ranges", ranges);
        }
    }

    /** The room's language is now {@code language}, set by {@code clientId}. */
    @JsonTypeName(Language.TYPE)
    record Language(String language, String clientId) implements ServerMessage {
        public static final String TYPE = "language";

        public Language {
            Require.language(TYPE, "language", language);
            Require.clientId(TYPE, "clientId", clientId);
        }
    }

    /**
     * The room's files, answering {@code list_files}: each file's id (the {@code file} its messages name),
     * path, language, revision and size in UTF-16 code units; {@code main} marks the main file. {@code change}
     * is the number of the tree's last change: each {@link FileChanged} after it comes with the next.
     */
    @JsonTypeName(Files.TYPE)
    record Files(long change, List<FileInfo> files) implements ServerMessage {
        public static final String TYPE = "files";

        public Files {
            Require.nonNegative(TYPE, "change", change);
            files = Require.list(TYPE, "files", files);
        }
    }

    /** One file of {@link Files}. */
    record FileInfo(String id, String path, String language, long revision, long size, boolean main) {
    }

    /**
     * The tree changed ({@code change} is {@code created}, {@code moved} or {@code deleted}); sent to every
     * connection that asked for the files, the one that asked for it included ({@code clientId} and its
     * {@code requestId} name it; both are absent for a change made over REST). {@code seq} numbers the change.
     */
    @JsonTypeName(FileChanged.TYPE)
    record FileChanged(String change, long seq, String id, String path, String oldPath, String language,
                       String clientId, Long requestId) implements ServerMessage {
        public static final String TYPE = "file_changed";

        public FileChanged {
            Require.present(TYPE, "change", change);
            Require.nonNegative(TYPE, "seq", seq);
            Require.present(TYPE, "id", id);
            Require.present(TYPE, "path", path);
        }
    }
}
