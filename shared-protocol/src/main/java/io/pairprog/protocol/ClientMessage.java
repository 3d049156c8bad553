package io.pairprog.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import java.util.List;

/**
 * A message from a client to the server. Encode and decode with {@link MessageCodec}; the Jackson
 * annotations here only shape the output.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientMessage.CodeUpdate.class, name = ClientMessage.CodeUpdate.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = ClientMessage.Hello.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.Op.class, name = ClientMessage.Op.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.Cursor.class, name = ClientMessage.Cursor.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.Rename.class, name = ClientMessage.Rename.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.SetLanguage.class, name = ClientMessage.SetLanguage.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.ListFiles.class, name = ClientMessage.ListFiles.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.OpenFile.class, name = ClientMessage.OpenFile.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.CloseFile.class, name = ClientMessage.CloseFile.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.CreateFile.class, name = ClientMessage.CreateFile.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.MoveFile.class, name = ClientMessage.MoveFile.TYPE),
        @JsonSubTypes.Type(value = ClientMessage.DeleteFile.class, name = ClientMessage.DeleteFile.TYPE)})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ClientMessage permits ClientMessage.CodeUpdate, ClientMessage.Hello, ClientMessage.Op,
        ClientMessage.Cursor, ClientMessage.Rename, ClientMessage.SetLanguage,
        ClientMessage.ListFiles, ClientMessage.OpenFile, ClientMessage.CloseFile, ClientMessage.CreateFile,
        ClientMessage.MoveFile, ClientMessage.DeleteFile {

    /**
     * The seed client's edit: the whole new document. The server diffs it against its copy
     * ({@code TextDiff.between}) and stores the result as an ordinary operation.
     */
    @JsonTypeName(CodeUpdate.TYPE)
    record CodeUpdate(String code) implements ClientMessage {
        public static final String TYPE = "code_update";

        public CodeUpdate {
            Require.present(TYPE, "code", code);
        }
    }

    /**
     * An OT client joins, or rejoins after a reconnect, holding the document at {@code revision}.
     * The server answers with every operation after that revision, then {@code joined}.
     * {@code name} is a display name and may be null. A client id belongs to whoever first used it in
     * the room: the first {@code joined} carries a {@code resumeToken}, and every later {@code hello}
     * with that id must carry it ({@code null} on the first).
     */
    @JsonTypeName(Hello.TYPE)
    record Hello(String clientId, long revision, String name, String resumeToken) implements ClientMessage {
        public static final String TYPE = "hello";

        public Hello {
            Require.chosenClientId(TYPE, "clientId", clientId);
            Require.nonNegative(TYPE, "revision", revision);
            Require.optionalToken(TYPE, "resumeToken", resumeToken);
        }

        /** A first hello: the client id is new to the room. */
        public Hello(String clientId, long revision, String name) {
            this(clientId, revision, name, null);
        }
    }

    /**
     * A local edit: {@code op} applies to the document at {@code baseRevision}. A resend repeats
     * {@code clientSeq}, and the server stores each {@code (clientId, clientSeq)} at most once.
     */
    @JsonTypeName(Op.TYPE)
    record Op(String clientId, long clientSeq, long baseRevision, TextOperation op) implements ClientMessage {
        public static final String TYPE = "op";

        public Op {
            Require.chosenClientId(TYPE, "clientId", clientId);
            Require.nonNegative(TYPE, "clientSeq", clientSeq);
            Require.nonNegative(TYPE, "baseRevision", baseRevision);
            Require.present(TYPE, "op", op);
        }
    }

    /**
     * The sender's selection(s), as positions in the document at {@code revision}. Clients send it only
     * while they have no unacknowledged edit, so that no local edit shifts the positions.
     */
    @JsonTypeName(Cursor.TYPE)
    record Cursor(long revision, List<Selection.Range> ranges) implements ClientMessage {
        public static final String TYPE = "cursor";

        public Cursor {
            Require.nonNegative(TYPE, "revision", revision);
            ranges = Require.list(TYPE, "ranges", ranges);
        }
    }

    /** A new display name for the sender. */
    @JsonTypeName(Rename.TYPE)
    record Rename(String name) implements ClientMessage {
        public static final String TYPE = "rename";

        public Rename {
            Require.name(TYPE, "name", name);
        }
    }

    /** Changes the room's language for everyone; it is stored with the room. */
    @JsonTypeName(SetLanguage.TYPE)
    record SetLanguage(String language) implements ClientMessage {
        public static final String TYPE = "set_language";

        public SetLanguage {
            Require.language(TYPE, "language", language);
        }
    }

    /** Asks for the room's files ({@code files}), and for every change of them from now on ({@code file_changed}). */
    @JsonTypeName(ListFiles.TYPE)
    record ListFiles() implements ClientMessage {
        public static final String TYPE = "list_files";
    }

    /**
     * Opens the file this message names ({@code file}): the server answers with its {@code initial_code}
     * (naming the file); a {@code hello} naming it then makes this connection its OT client, as for the room.
     */
    @JsonTypeName(OpenFile.TYPE)
    record OpenFile() implements ClientMessage {
        public static final String TYPE = "open_file";
    }

    /** Closes the file this message names: no more of its operations and cursors come. */
    @JsonTypeName(CloseFile.TYPE)
    record CloseFile() implements ClientMessage {
        public static final String TYPE = "close_file";
    }

    /**
     * Creates a file at {@code path} holding {@code text} (may be empty). {@code requestId}, any number the
     * client chooses, comes back in the {@code file_changed} or {@code error} that answers it.
     */
    @JsonTypeName(CreateFile.TYPE)
    record CreateFile(String path, String text, Long requestId) implements ClientMessage {
        public static final String TYPE = "create_file";

        public CreateFile {
            Require.present(TYPE, "path", path);
            text = text == null ? "" : text;
        }
    }

    /** Moves the file or folder {@code from} to {@code to} (a rename when only the last name changes). */
    @JsonTypeName(MoveFile.TYPE)
    record MoveFile(String from, String to, Long requestId) implements ClientMessage {
        public static final String TYPE = "move_file";

        public MoveFile {
            Require.present(TYPE, "from", from);
            Require.present(TYPE, "to", to);
        }
    }

    /** Deletes the file or the folder (everything under it) at {@code path}. */
    @JsonTypeName(DeleteFile.TYPE)
    record DeleteFile(String path, Long requestId) implements ClientMessage {
        public static final String TYPE = "delete_file";

        public DeleteFile {
            Require.present(TYPE, "path", path);
        }
    }
}
