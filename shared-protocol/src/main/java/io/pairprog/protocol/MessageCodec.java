package io.pairprog.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pairprog.ot.OperationException;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.ot.Utf16;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns wire messages into records and back. Thread-safe: build one and share it.
 *
 * <p>Encoding goes through Jackson's record serialization, shaped by the annotations on
 * {@link ClientMessage} and {@link ServerMessage}. Decoding reads a JSON tree and picks fields by
 * hand, so every failure becomes a {@link ProtocolException} with a stable {@link ErrorCode} and a
 * message naming the message type and field. Unknown fields are ignored (newer or seed clients may
 * send more). Duplicate keys, nesting deeper than {@value #MAX_NESTING_DEPTH} and trailing content
 * are rejected before any field is looked at.
 */
public final class MessageCodec {

    /** Deepest JSON nesting accepted; real messages are two levels deep (object, op array). */
    public static final int MAX_NESTING_DEPTH = 32;

    /**
     * Most components one operation may have: a replace-all over a large file stays below; an operation
     * near a message's size limit in components would cost the server seconds of transformation.
     */
    public static final int MAX_OPERATION_COMPONENTS = 50_000;

    private final ObjectReader treeReader;
    private final ObjectWriter clientWriter;
    private final ObjectWriter serverWriter;

    public MessageCodec() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH).build())
                // Parse errors quote the offending token; keep that short and never dump the input.
                .errorReportConfiguration(ErrorReportConfiguration.builder()
                        .maxErrorTokenLength(40).maxRawContentLength(0).build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(
                        JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .addModule(OperationSerializer.module())
                .build();
        this.treeReader = mapper.reader();
        this.clientWriter = mapper.writerFor(ClientMessage.class);
        this.serverWriter = mapper.writerFor(ServerMessage.class);
    }

    /** Reads a message a client sent; the server's entry point. */
    public ClientMessage decodeClient(String json) throws ProtocolException {
        return decodeNamingSeq(parse(json));
    }

    private static ClientMessage decodeNamingSeq(Fields f) throws ProtocolException {
        try {
            return decodeClient(f);
        } catch (ProtocolException e) {
            // An op refused here is still an edit its sender waits on: name it, as the room's refusals do.
            throw f.type.equals(ClientMessage.Op.TYPE) ? e.withClientSeq(f.clientSeqIfReadable()) : e;
        }
    }

    private static ClientMessage decodeClient(Fields f) throws ProtocolException {
        try {
            return switch (f.type) {
                case ClientMessage.CodeUpdate.TYPE -> new ClientMessage.CodeUpdate(f.text("code"));
                case ClientMessage.Hello.TYPE -> new ClientMessage.Hello(
                        f.text("clientId"), f.integer("revision"), f.optionalText("name"), f.optionalText("resumeToken"));
                case ClientMessage.Op.TYPE -> new ClientMessage.Op(
                        f.text("clientId"), f.integer("clientSeq"), f.integer("baseRevision"), f.operation("op"));
                case ClientMessage.Cursor.TYPE -> new ClientMessage.Cursor(f.integer("revision"), f.ranges("ranges"));
                case ClientMessage.Rename.TYPE -> new ClientMessage.Rename(f.text("name"));
                case ClientMessage.SetLanguage.TYPE -> new ClientMessage.SetLanguage(f.text("language"));
                case ClientMessage.ListFiles.TYPE -> new ClientMessage.ListFiles();
                case ClientMessage.OpenFile.TYPE -> new ClientMessage.OpenFile();
                case ClientMessage.CloseFile.TYPE -> new ClientMessage.CloseFile();
                case ClientMessage.CreateFile.TYPE -> new ClientMessage.CreateFile(f.text("path"),
                        f.optionalText("text"), f.optionalInteger("requestId"));
                case ClientMessage.MoveFile.TYPE -> new ClientMessage.MoveFile(f.text("from"), f.text("to"),
                        f.optionalInteger("requestId"));
                case ClientMessage.DeleteFile.TYPE -> new ClientMessage.DeleteFile(f.text("path"),
                        f.optionalInteger("requestId"));
                default -> throw unknownType("client", f.type);
            };
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, e.getMessage());
        }
    }

    /** Reads a message the server sent; the clients' entry point. */
    public ServerMessage decodeServer(String json) throws ProtocolException {
        return decodeServer(parse(json));
    }

    private static ServerMessage decodeServer(Fields f) throws ProtocolException {
        try {
            return switch (f.type) {
                case ServerMessage.InitialCode.TYPE -> new ServerMessage.InitialCode(
                        f.text("code"), f.integer("revision"), f.optionalText("language"));
                case ServerMessage.CodeUpdate.TYPE -> new ServerMessage.CodeUpdate(
                        f.text("code"), f.integer("revision"));
                case ServerMessage.Joined.TYPE -> new ServerMessage.Joined(f.text("clientId"),
                        f.integer("revision"), f.text("color"), f.text("language"), f.participants("participants"),
                        f.optionalBoolean("readOnly"), f.optionalText("resumeToken"));
                case ServerMessage.Op.TYPE -> new ServerMessage.Op(
                        f.integer("revision"), f.text("clientId"), f.integer("clientSeq"), f.operation("op"));
                case ServerMessage.Ack.TYPE -> new ServerMessage.Ack(
                        f.integer("revision"), f.integer("clientSeq"));
                case ServerMessage.Error.TYPE -> new ServerMessage.Error(f.errorCode("code"), f.text("message"),
                        f.optionalInteger("clientSeq"), f.optionalInteger("requestId"));
                case ServerMessage.ParticipantChanged.TYPE -> new ServerMessage.ParticipantChanged(
                        f.text("clientId"), f.text("name"), f.text("color"), f.optionalText("role"));
                case ServerMessage.ParticipantLeft.TYPE -> new ServerMessage.ParticipantLeft(f.text("clientId"));
                case ServerMessage.Cursor.TYPE -> new ServerMessage.Cursor(
                        f.text("clientId"), f.integer("revision"), f.ranges("ranges"));
                case ServerMessage.Language.TYPE -> new ServerMessage.Language(f.text("language"), f.text("clientId"));
                case ServerMessage.Files.TYPE -> new ServerMessage.Files(f.integer("change"), f.files("files"));
                case ServerMessage.FileChanged.TYPE -> new ServerMessage.FileChanged(f.text("change"),
                        f.integer("seq"), f.text("id"), f.text("path"), f.optionalText("oldPath"),
                        f.optionalText("language"), f.optionalText("clientId"), f.optionalInteger("requestId"));
                default -> throw unknownType("server", f.type);
            };
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, e.getMessage());
        }
    }

    public String encode(ServerMessage message) {
        return write(serverWriter, message);
    }

    /**
     * The same, about the file {@code file} (a UUID's text): {@code "file"} comes first, so that a reader
     * looking only at how a message starts ({@code {"type":"op"...}) never mistakes a file's message for
     * the main file's.
     */
    public String encode(ServerMessage message, String file) {
        return namingFile(write(serverWriter, message), file);
    }

    private static String namingFile(String json, String file) {
        return "{\"file\":\"" + file + "\"," + json.substring(1);
    }

    /** A client message and the file it is about: null for the main file (the room's text). */
    public record Addressed(String file, ClientMessage message) {
    }

    /** Reads a client message with the file it names, if any; a {@code file} that is not a UUID is malformed. */
    public Addressed decodeAddressed(String json) throws ProtocolException {
        Fields f = parse(json);
        String file;
        try {
            file = f.optionalText("file");
            if (file != null && !file.equals(java.util.UUID.fromString(file).toString())) {
                throw new IllegalArgumentException(file);
            }
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, f.type + ": field \"file\" is not a file id");
        }
        return new Addressed(file, decodeNamingSeq(f));
    }

    public String encode(ClientMessage message) {
        return write(clientWriter, message);
    }

    /** A client message about the file {@code file}, which comes first (see {@link #encode(ServerMessage, String)}). */
    public String encode(ClientMessage message, String file) {
        return namingFile(write(clientWriter, message), file);
    }

    /** A server message and the file it names; null for the main file. */
    public record ServerAddressed(String file, ServerMessage message) {
    }

    /** Reads a message the server sent with the file it names, if any: the entry point of a client that opens files. */
    public ServerAddressed decodeServerAddressed(String json) throws ProtocolException {
        Fields f = parse(json);
        return new ServerAddressed(f.optionalText("file"), decodeServer(f));
    }

    private static String write(ObjectWriter writer, Object message) {
        if (message == null) {
            throw new NullPointerException("encode: message is null");
        }
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            // Records of strings, numbers and operations always serialize; this is a bug.
            throw new IllegalStateException("encode: " + e.getOriginalMessage(), e);
        }
    }

    private Fields parse(String json) throws ProtocolException {
        if (json == null) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "message is null");
        }
        JsonNode root;
        try {
            root = treeReader.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                    "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (MismatchedInputException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                    "malformed JSON" + where(e.getLocation()) + ": content after the end of the message");
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                    "malformed JSON" + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "message is empty");
        }
        if (!root.isObject()) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                    "message must be a JSON object, got " + kind(root));
        }
        JsonNode type = root.get("type");
        if (type == null || type.isNull()) {
            throw new ProtocolException(ErrorCode.UNKNOWN_MESSAGE_TYPE, "message has no \"type\" field");
        }
        if (!type.isTextual()) {
            throw new ProtocolException(ErrorCode.UNKNOWN_MESSAGE_TYPE,
                    "field \"type\" must be a string, got " + kind(type));
        }
        return new Fields(type.textValue(), root);
    }

    private static ProtocolException unknownType(String side, String type) {
        return new ProtocolException(ErrorCode.UNKNOWN_MESSAGE_TYPE,
                "unknown " + side + " message type " + Require.quote(type));
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        // Jackson quotes the offending token; markup in it must not come back verbatim.
        line = line.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e");
        return line.length() <= 160 ? line : line.substring(0, 160) + "...";
    }

    private static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? "an integer" : "a non-integer number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isObject() ? "an object" : "null";
    }

    /** One message object being read; every error names the message type and the field. */
    private static final class Fields {

        final String type;
        private final JsonNode node;

        Fields(String type, JsonNode node) {
            this.type = type;
            this.node = node;
        }

        String text(String name) throws ProtocolException {
            return textValue(name, required(name));
        }

        String optionalText(String name) throws ProtocolException {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : textValue(name, value);
        }

        /** Absent means false: servers before view-only links never sent it. */
        boolean optionalBoolean(String name) throws ProtocolException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                throw malformed(name, "a boolean", value);
            }
            return value.booleanValue();
        }

        long integer(String name) throws ProtocolException {
            return integerValue(name, required(name));
        }

        Long optionalInteger(String name) throws ProtocolException {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : integerValue(name, value);
        }

        TextOperation operation(String name) throws ProtocolException {
            JsonNode value = required(name);
            if (!value.isArray()) {
                throw malformed(name, "an array", value);
            }
            if (value.size() > MAX_OPERATION_COMPONENTS) {
                throw new ProtocolException(ErrorCode.INVALID_OPERATION, type + ": field \"" + name + "\" has "
                        + value.size() + " components, more than the " + MAX_OPERATION_COMPONENTS + " one operation may have");
            }
            List<Object> wire = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                wire.add(wireValue(element));
            }
            TextOperation op;
            try {
                op = TextOperation.fromWire(wire);
            } catch (OperationException e) {
                throw new ProtocolException(ErrorCode.INVALID_OPERATION, e.getMessage());
            }
            for (Object element : wire) {
                if (element instanceof String text && !Utf16.isWellFormed(text)) {
                    throw new ProtocolException(ErrorCode.INVALID_OPERATION, type + ": field \"" + name
                            + "\" inserts a lone UTF-16 surrogate (half of a pair)");
                }
            }
            return op;
        }

        /** {@code [{"anchor": a, "head": h}, …]}; positions are checked against the document by the receiver. */
        List<Selection.Range> ranges(String name) throws ProtocolException {
            List<Selection.Range> ranges = new ArrayList<>();
            for (Fields item : objects(name)) {
                ranges.add(new Selection.Range(item.position("anchor"), item.position("head")));
            }
            return ranges;
        }

        List<ServerMessage.FileInfo> files(String name) throws ProtocolException {
            List<ServerMessage.FileInfo> files = new ArrayList<>();
            for (Fields item : objects(name)) {
                files.add(new ServerMessage.FileInfo(item.text("id"), item.text("path"), item.text("language"),
                        item.integer("revision"), item.integer("size"), item.optionalBoolean("main")));
            }
            return files;
        }

        List<Participant> participants(String name) throws ProtocolException {
            List<Participant> participants = new ArrayList<>();
            for (Fields item : objects(name)) {
                participants.add(new Participant(item.text("clientId"), item.text("name"), item.text("color"),
                        item.optionalText("role")));
            }
            return participants;
        }

        private List<Fields> objects(String name) throws ProtocolException {
            JsonNode value = required(name);
            if (!value.isArray()) {
                throw malformed(name, "an array", value);
            }
            List<Fields> items = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                if (!element.isObject()) {
                    throw malformed(name, "an array of objects", value);
                }
                items.add(new Fields(type, element));
            }
            return items;
        }

        private int position(String name) throws ProtocolException {
            long value = integer(name);
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                        type + ": field \"" + name + "\" must be a position from 0 to " + Integer.MAX_VALUE);
            }
            return (int) value;
        }

        ErrorCode errorCode(String name) throws ProtocolException {
            String code = text(name);
            try {
                return ErrorCode.valueOf(code);
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                        type + ": field \"" + name + "\" is not a known error code: " + Require.quote(code));
            }
        }

        private JsonNode required(String name) throws ProtocolException {
            JsonNode value = node.get(name);
            if (value == null) {
                throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                        type + ": missing field \"" + name + "\"");
            }
            return value;
        }

        /** A non-negative integer {@code clientSeq}, or null: only to name a refused op. */
        Long clientSeqIfReadable() {
            JsonNode seq = node.get("clientSeq");
            return seq != null && seq.isIntegralNumber() && seq.canConvertToLong() && seq.longValue() >= 0
                    ? seq.longValue() : null;
        }

        /** Every string a client sends must be encodable again: one with a lone surrogate never is. */
        private String textValue(String name, JsonNode value) throws ProtocolException {
            if (!value.isTextual()) {
                throw malformed(name, "a string", value);
            }
            if (!Utf16.isWellFormed(value.textValue())) {
                throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, type + ": field \"" + name
                        + "\" holds a lone UTF-16 surrogate (half of a pair), which no UTF-8 text can carry");
            }
            return value.textValue();
        }

        private long integerValue(String name, JsonNode value) throws ProtocolException {
            if (!value.isIntegralNumber()) {
                throw malformed(name, "an integer", value);
            }
            if (!value.canConvertToLong()) {
                throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                        type + ": field \"" + name + "\" is out of range");
            }
            return value.longValue();
        }

        private ProtocolException malformed(String name, String expected, JsonNode actual) {
            return new ProtocolException(ErrorCode.MALFORMED_MESSAGE,
                    type + ": field \"" + name + "\" must be " + expected + ", got " + kind(actual));
        }

        /** The Java value {@link TextOperation#fromWire} expects for a JSON element, so it alone judges op arrays. */
        private static Object wireValue(JsonNode element) {
            if (element.isTextual()) {
                return element.textValue();
            }
            if (element.isNumber()) {
                return element.numberValue();
            }
            if (element.isBoolean()) {
                return element.booleanValue();
            }
            if (element.isArray()) {
                return List.of();
            }
            return element.isObject() ? Map.of() : null;
        }
    }
}
