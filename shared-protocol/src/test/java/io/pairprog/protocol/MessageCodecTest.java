package io.pairprog.protocol;

import io.pairprog.ot.Selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pairprog.ot.TextOperation;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

// Messages are written by hand throughout: these tests pin the exact bytes on the wire, and what malformed ones get.
class MessageCodecTest {

    private static final MessageCodec CODEC = new MessageCodec();

    private static TextOperation op(Object... wire) {
        return TextOperation.fromWire(Arrays.asList(wire));
    }

    private static ProtocolException clientError(String json) {
        try {
            ClientMessage m = CODEC.decodeClient(json);
            throw new AssertionError("decoded " + m + " from " + json);
        } catch (ProtocolException e) {
            return e;
        }
    }

    private static void rejectsClient(String json, ErrorCode code, String message) {
        ProtocolException e = clientError(json);
        assertThat(e.code()).as(json).isEqualTo(code);
        assertThat(e.getMessage()).as(json).isEqualTo(message);
    }

    private static String opWith(String field, String value) {
        String json = "{\"type\":\"op\",\"clientId\":\"c1\",\"clientSeq\":3,\"baseRevision\":10,\"op\":[5,\"abc\",-2]}";
        String replaced = json.replaceFirst("\"" + field + "\":(\\[[^\\]]*\\]|\"[^\"]*\"|[0-9]+)",
                "\"" + field + "\":" + Matcher.quoteReplacement(value));
        assertThat(replaced).isNotEqualTo(json);
        return replaced;
    }

    @Nested
    class ExactJson {

        @Test
        void presenceMessagesRejectBadValues() {
            assertCode("{\"type\":\"set_language\",\"language\":\"cobol\"}", ErrorCode.MALFORMED_MESSAGE);
            assertCode("{\"type\":\"rename\",\"name\":\"" + "n".repeat(65) + "\"}", ErrorCode.MALFORMED_MESSAGE);
            assertCode("{\"type\":\"rename\",\"name\":\"a\\u0007b\"}", ErrorCode.MALFORMED_MESSAGE);
            assertCode("{\"type\":\"cursor\",\"revision\":1,\"ranges\":[{\"anchor\":-1,\"head\":0}]}", ErrorCode.MALFORMED_MESSAGE);
            assertCode("{\"type\":\"cursor\",\"revision\":1,\"ranges\":[5]}", ErrorCode.MALFORMED_MESSAGE);
            assertCode("{\"type\":\"cursor\",\"revision\":1}", ErrorCode.MALFORMED_MESSAGE);
        }

        private void assertCode(String json, ErrorCode code) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CODEC.decodeClient(json))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
        }

        @Test
        void clientOp() throws ProtocolException {
            String json = "{\"type\":\"op\",\"clientId\":\"c1\",\"clientSeq\":3,\"baseRevision\":10,\"op\":[5,\"abc\",-2]}";
            ClientMessage.Op m = new ClientMessage.Op("c1", 3, 10, op(5, "abc", -2));
            assertThat(CODEC.encode(m)).isEqualTo(json);
            assertThat(CODEC.decodeClient(json)).isEqualTo(m);
        }

        @Test
        void helloLeavesOutAMissingName() throws ProtocolException {
            String json = "{\"type\":\"hello\",\"clientId\":\"c1\",\"revision\":4}";
            assertThat(CODEC.encode(new ClientMessage.Hello("c1", 4, null))).isEqualTo(json);
            assertThat(CODEC.decodeClient(json)).isEqualTo(new ClientMessage.Hello("c1", 4, null));
            assertThat(CODEC.decodeClient("{\"type\":\"hello\",\"clientId\":\"c1\",\"revision\":4,\"name\":null}"))
                    .isEqualTo(new ClientMessage.Hello("c1", 4, null));
        }

        @Test
        void serverMessages() {
            assertThat(CODEC.encode(new ServerMessage.InitialCode("x", 0, "java")))
                    .isEqualTo("{\"type\":\"initial_code\",\"code\":\"x\",\"revision\":0,\"language\":\"java\"}");
            assertThat(CODEC.encode(new ServerMessage.CodeUpdate("a\r\nb", 7)))
                    .isEqualTo("{\"type\":\"code_update\",\"code\":\"a\\r\\nb\",\"revision\":7}");
            assertThat(CODEC.encode(new ServerMessage.Joined("c1", 11, "#e6194b", "go",
                    List.of(new Participant("c1", "Ann", "#e6194b", Participant.EDITOR)), false)))
                    .isEqualTo("{\"type\":\"joined\",\"clientId\":\"c1\",\"revision\":11,\"color\":\"#e6194b\","
                            + "\"language\":\"go\",\"participants\":[{\"clientId\":\"c1\",\"name\":\"Ann\",\"color\":\"#e6194b\","
                            + "\"role\":\"editor\"}],\"readOnly\":false}");
            assertThat(CODEC.encode(new ServerMessage.Cursor("c2", 4, List.of(new Selection.Range(1, 3)))))
                    .isEqualTo("{\"type\":\"cursor\",\"clientId\":\"c2\",\"revision\":4,\"ranges\":[{\"anchor\":1,\"head\":3}]}");
            assertThat(CODEC.encode(new ServerMessage.Op(11, "c1", 3, op(5, "abc", -2))))
                    .isEqualTo("{\"type\":\"op\",\"revision\":11,\"clientId\":\"c1\",\"clientSeq\":3,\"op\":[5,\"abc\",-2]}");
            assertThat(CODEC.encode(new ServerMessage.Ack(11, 3)))
                    .isEqualTo("{\"type\":\"ack\",\"revision\":11,\"clientSeq\":3}");
            assertThat(CODEC.encode(new ServerMessage.Error(ErrorCode.INVALID_OPERATION, "bad op", null)))
                    .isEqualTo("{\"type\":\"error\",\"code\":\"INVALID_OPERATION\",\"message\":\"bad op\"}");
            assertThat(CODEC.encode(new ServerMessage.Error(ErrorCode.RETRY_EXHAUSTED, "busy", 4L)))
                    .isEqualTo("{\"type\":\"error\",\"code\":\"RETRY_EXHAUSTED\",\"message\":\"busy\",\"clientSeq\":4}");
        }
    }

    @Nested
    class RoundTrip {

        @Test
        void everyClientMessage() throws ProtocolException {
            for (ClientMessage m : List.of(
                    new ClientMessage.CodeUpdate(""),
                    new ClientMessage.CodeUpdate("fn 😀\r\n\"q\" \\ \u0000 中文"),
                    new ClientMessage.Hello("Abc_-09", 0, "Ada Lovelace"),
                    new ClientMessage.Hello("x".repeat(64), Long.MAX_VALUE, null),
                    new ClientMessage.Op("c1", 1, 0, op()),
                    new ClientMessage.Op("c1", 1, 0, op(2, "👍🏽", -4, 1)),
                    new ClientMessage.Cursor(3, List.of(new Selection.Range(0, 0), new Selection.Range(4, 1))),
                    new ClientMessage.Rename("Grace 👩‍💻"),
                    new ClientMessage.SetLanguage("javascript"))) {
                assertThat(CODEC.decodeClient(CODEC.encode(m))).isEqualTo(m);
            }
        }

        @Test
        void everyServerMessage() throws ProtocolException {
            for (ServerMessage m : List.of(
                    new ServerMessage.InitialCode("x\r\ny", 3, "java"),
                    new ServerMessage.InitialCode("", 0, null),
                    new ServerMessage.CodeUpdate("中文", 9),
                    new ServerMessage.Joined("c1", 9, "#3cb44b", "java",
                            List.of(new Participant("c2", "Bo", "#e6194b", Participant.VIEWER)), true),
                    new ServerMessage.ParticipantChanged("c2", "Bo 2", "#e6194b", Participant.EDITOR),
                    new ServerMessage.ParticipantLeft("c2"),
                    new ServerMessage.Cursor("c2", 9, List.of(new Selection.Range(0, 2), new Selection.Range(5, 5))),
                    new ServerMessage.Language("typescript", "c2"),
                    new ServerMessage.Op(9, "c1", 2, op(-1, "ab")),
                    new ServerMessage.Ack(9, 2),
                    new ServerMessage.Error(ErrorCode.NOT_JOINED, "say hello first", null),
                    new ServerMessage.Error(ErrorCode.STORE_UNAVAILABLE, "db down", 7L))) {
                assertThat(CODEC.decodeServer(CODEC.encode(m))).isEqualTo(m);
            }
        }

        @Test
        void everyErrorCodeSurvives() throws ProtocolException {
            for (ErrorCode code : ErrorCode.values()) {
                ServerMessage m = new ServerMessage.Error(code, code.name().toLowerCase(), null);
                assertThat(CODEC.decodeServer(CODEC.encode(m))).isEqualTo(m);
            }
        }
    }

    @Nested
    class SeedCompatibility {

        @Test
        void seedCodeUpdateDecodes() throws ProtocolException {
            assertThat(CODEC.decodeClient("{\"type\":\"code_update\",\"code\":\"x\"}"))
                    .isEqualTo(new ClientMessage.CodeUpdate("x"));
        }

        @Test
        void extraFieldsAreIgnored() throws ProtocolException {
            assertThat(CODEC.decodeClient(
                    "{\"cursor\":5,\"type\":\"code_update\",\"meta\":{\"a\":[1,2,{\"b\":null}]},\"code\":\"x\"}"))
                    .isEqualTo(new ClientMessage.CodeUpdate("x"));
            assertThat(CODEC.decodeServer("{\"type\":\"ack\",\"revision\":1,\"clientSeq\":1,\"serverTime\":\"now\"}"))
                    .isEqualTo(new ServerMessage.Ack(1, 1));
        }

        @Test
        void participantsFromServersBeforeRolesAreEditors() throws ProtocolException {
            assertThat(CODEC.decodeServer("{\"type\":\"participant\",\"clientId\":\"c2\",\"name\":\"Bo\","
                    + "\"color\":\"#e6194b\"}"))
                    .isEqualTo(new ServerMessage.ParticipantChanged("c2", "Bo", "#e6194b", Participant.EDITOR));
            assertThatThrownBy(() -> CODEC.decodeServer("{\"type\":\"participant\",\"clientId\":\"c2\","
                    + "\"name\":\"Bo\",\"color\":\"#e6194b\",\"role\":\"owner\"}"))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("role must be editor or viewer");
        }

        @Test
        void whitespaceAndKeyOrderDoNotMatter() throws ProtocolException {
            assertThat(CODEC.decodeClient(" {\n \"code\" : \"x\" ,\r\n \"type\" : \"code_update\" } \n"))
                    .isEqualTo(new ClientMessage.CodeUpdate("x"));
        }

        @Test
        void loneSurrogatesAreRefusedInEveryStringAndInsertButPairsPass() throws ProtocolException {
            // A lone surrogate cannot be encoded again: once inside, every message carrying it fails to send.
            assertThatThrownBy(() -> CODEC.decodeClient("{\"type\":\"code_update\",\"code\":\"\\ud83d\"}"))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
                        assertThat(e.getMessage()).contains("\"code\"").contains("surrogate");
                    });
            assertThatThrownBy(() -> CODEC.decodeClient("{\"type\":\"rename\",\"name\":\"a\\udc00\"}"))
                    .isInstanceOf(ProtocolException.class);
            assertThatThrownBy(() -> CODEC.decodeClient(
                    "{\"type\":\"hello\",\"clientId\":\"c\",\"revision\":0,\"name\":\"\\ud800x\"}"))
                    .isInstanceOf(ProtocolException.class);
            assertThatThrownBy(() -> CODEC.decodeClient(
                    "{\"type\":\"op\",\"clientId\":\"c\",\"clientSeq\":7,\"baseRevision\":0,\"op\":[\"\\ud800\"]}"))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPERATION);
                        assertThat(e.clientSeq()).isEqualTo(7L);
                    });
            assertThat(CODEC.decodeClient("{\"type\":\"code_update\",\"code\":\"\\ud83d\\ude00\"}"))
                    .isEqualTo(new ClientMessage.CodeUpdate("\uD83D\uDE00"));
        }

        @Test
        void decodeErrorsOfAnOpNameItsClientSeqWhenItIsReadable() {
            assertThatThrownBy(() -> CODEC.decodeClient(
                    "{\"type\":\"op\",\"clientId\":\"c\",\"clientSeq\":3,\"baseRevision\":0,\"op\":[0]}"))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.clientSeq()).isEqualTo(3L));
            assertThatThrownBy(() -> CODEC.decodeClient(
                    "{\"type\":\"op\",\"clientId\":\"c\",\"clientSeq\":\"3\",\"baseRevision\":0,\"op\":[1]}"))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.clientSeq()).isNull());
        }

        @Test
        void theServersOwnIdPrefixesAndOversizedOperationsAreRefused() {
            assertThatThrownBy(() -> CODEC.decodeClient(
                    "{\"type\":\"hello\",\"clientId\":\"legacy-1-abc\",\"revision\":0}"))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("legacy-");
            assertThatThrownBy(() -> CODEC.decodeClient(
                    "{\"type\":\"hello\",\"clientId\":\"restore-1\",\"revision\":0}"))
                    .isInstanceOf(ProtocolException.class);
            StringBuilder many = new StringBuilder("[");
            for (int i = 0; i <= MessageCodec.MAX_OPERATION_COMPONENTS; i++) {
                many.append(i == 0 ? "" : ",").append(i % 2 == 0 ? "1" : "\"x\"");
            }
            String op = "{\"type\":\"op\",\"clientId\":\"c\",\"clientSeq\":1,\"baseRevision\":0,\"op\":" + many + "]}";
            assertThatThrownBy(() -> CODEC.decodeClient(op)).isInstanceOfSatisfying(ProtocolException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPERATION));
        }
    }

    @Nested
    class Errors {

        @Test
        void malformedJsonGivesItsPosition() {
            rejectsClient("{\"type\":", ErrorCode.MALFORMED_MESSAGE,
                    "malformed JSON at line 1 column 9: Unexpected end-of-input within/between Object entries");
            ProtocolException e = clientError("{\"type\":\"op\",}");
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
            assertThat(e.getMessage()).startsWith("malformed JSON at line 1 column 14: ");
            assertThat(clientError("{\n\"type\": x}").getMessage()).startsWith("malformed JSON at line 2 column 9: ");
        }

        @Test
        void malformedJsonNeverEchoesTheInput() {
            String secret = "s3cr3t".repeat(200);
            ProtocolException e = clientError("{\"type\":\"code_update\",\"code\":" + secret + "}");
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
            assertThat(e.getMessage()).hasSizeLessThan(250).doesNotContain(secret.substring(0, 60));
        }

        @Test
        void emptyAndNonObjectMessagesAreMalformed() {
            rejectsClient("", ErrorCode.MALFORMED_MESSAGE, "message is empty");
            rejectsClient("  \n", ErrorCode.MALFORMED_MESSAGE, "message is empty");
            rejectsClient("[1,2]", ErrorCode.MALFORMED_MESSAGE, "message must be a JSON object, got an array");
            rejectsClient("\"hello\"", ErrorCode.MALFORMED_MESSAGE, "message must be a JSON object, got a string");
            rejectsClient("null", ErrorCode.MALFORMED_MESSAGE, "message must be a JSON object, got null");
            rejectsClient(null, ErrorCode.MALFORMED_MESSAGE, "message is null");
        }

        @Test
        void trailingContentIsMalformed() {
            rejectsClient("{\"type\":\"code_update\",\"code\":\"x\"} {}", ErrorCode.MALFORMED_MESSAGE,
                    "malformed JSON at line 1 column 35: content after the end of the message");
        }

        @Test
        void missingOrUnknownType() {
            rejectsClient("{\"code\":\"x\"}", ErrorCode.UNKNOWN_MESSAGE_TYPE, "message has no \"type\" field");
            rejectsClient("{\"type\":null}", ErrorCode.UNKNOWN_MESSAGE_TYPE, "message has no \"type\" field");
            rejectsClient("{\"type\":5}", ErrorCode.UNKNOWN_MESSAGE_TYPE, "field \"type\" must be a string, got an integer");
            rejectsClient("{\"type\":\"bogus\"}", ErrorCode.UNKNOWN_MESSAGE_TYPE, "unknown client message type \"bogus\"");
            rejectsClient("{\"type\":\"ack\",\"revision\":1,\"clientSeq\":1}", ErrorCode.UNKNOWN_MESSAGE_TYPE,
                    "unknown client message type \"ack\"");
            assertThatThrownBy(() -> CODEC.decodeServer("{\"type\":\"hello\",\"clientId\":\"c1\",\"revision\":0}"))
                    .isInstanceOf(ProtocolException.class).hasMessage("unknown server message type \"hello\"");
        }

        @Test
        void longUnknownTypeIsTruncated() {
            rejectsClient("{\"type\":\"" + "a".repeat(1000) + "\"}", ErrorCode.UNKNOWN_MESSAGE_TYPE,
                    "unknown client message type \"" + "a".repeat(40) + "\"... (1000 chars)");
            rejectsClient("{\"type\":\"x\\ny\\\"\"}", ErrorCode.UNKNOWN_MESSAGE_TYPE,
                    "unknown client message type \"x\\u000ay\\\"\"");
        }

        @Test
        void missingFieldsAreNamed() {
            rejectsClient("{\"type\":\"code_update\"}", ErrorCode.MALFORMED_MESSAGE, "code_update: missing field \"code\"");
            rejectsClient("{\"type\":\"hello\",\"clientId\":\"c1\"}", ErrorCode.MALFORMED_MESSAGE,
                    "hello: missing field \"revision\"");
            rejectsClient("{\"type\":\"op\",\"clientId\":\"c1\",\"clientSeq\":1,\"op\":[1]}", ErrorCode.MALFORMED_MESSAGE,
                    "op: missing field \"baseRevision\"");
            rejectsClient("{\"type\":\"op\",\"clientId\":\"c1\",\"clientSeq\":1,\"baseRevision\":1}", ErrorCode.MALFORMED_MESSAGE,
                    "op: missing field \"op\"");
            assertThatThrownBy(() -> CODEC.decodeServer("{\"type\":\"error\",\"code\":\"NOT_FOUND\"}"))
                    .isInstanceOf(ProtocolException.class).hasMessage("error: missing field \"message\"");
        }

        @Test
        void wrongFieldTypesAreNamed() {
            rejectsClient("{\"type\":\"code_update\",\"code\":5}", ErrorCode.MALFORMED_MESSAGE,
                    "code_update: field \"code\" must be a string, got an integer");
            rejectsClient("{\"type\":\"code_update\",\"code\":null}", ErrorCode.MALFORMED_MESSAGE,
                    "code_update: field \"code\" must be a string, got null");
            rejectsClient(opWith("clientSeq", "\"3\""), ErrorCode.MALFORMED_MESSAGE,
                    "op: field \"clientSeq\" must be an integer, got a string");
            rejectsClient(opWith("baseRevision", "1.5"), ErrorCode.MALFORMED_MESSAGE,
                    "op: field \"baseRevision\" must be an integer, got a non-integer number");
            rejectsClient(opWith("baseRevision", "1e3"), ErrorCode.MALFORMED_MESSAGE,
                    "op: field \"baseRevision\" must be an integer, got a non-integer number");
            rejectsClient(opWith("baseRevision", "true"), ErrorCode.MALFORMED_MESSAGE,
                    "op: field \"baseRevision\" must be an integer, got a boolean");
            rejectsClient(opWith("baseRevision", "99999999999999999999"), ErrorCode.MALFORMED_MESSAGE,
                    "op: field \"baseRevision\" is out of range");
            rejectsClient(opWith("clientId", "7"), ErrorCode.MALFORMED_MESSAGE,
                    "op: field \"clientId\" must be a string, got an integer");
            rejectsClient(opWith("op", "\"abc\""), ErrorCode.MALFORMED_MESSAGE,
                    "op: field \"op\" must be an array, got a string");
            rejectsClient(opWith("op", "{}"), ErrorCode.MALFORMED_MESSAGE,
                    "op: field \"op\" must be an array, got an object");
            rejectsClient("{\"type\":\"hello\",\"clientId\":\"c1\",\"revision\":1,\"name\":[]}", ErrorCode.MALFORMED_MESSAGE,
                    "hello: field \"name\" must be a string, got an array");
        }

        @Test
        void negativeRevisionsAndSeqsAreMalformed() {
            rejectsClient("{\"type\":\"hello\",\"clientId\":\"c1\",\"revision\":-1}", ErrorCode.MALFORMED_MESSAGE,
                    "hello: revision must not be negative, got -1");
            rejectsClient(opWith("clientSeq", "-3"), ErrorCode.MALFORMED_MESSAGE,
                    "op: clientSeq must not be negative, got -3");
            rejectsClient(opWith("baseRevision", "-10"), ErrorCode.MALFORMED_MESSAGE,
                    "op: baseRevision must not be negative, got -10");
            assertThatThrownBy(() -> CODEC.decodeServer("{\"type\":\"ack\",\"revision\":-1,\"clientSeq\":1}"))
                    .isInstanceOf(ProtocolException.class).hasMessage("ack: revision must not be negative, got -1");
        }

        @Test
        void invalidClientIdsAreMalformed() {
            rejectsClient(opWith("clientId", "\"a b\""), ErrorCode.MALFORMED_MESSAGE,
                    "op: clientId must be 1-64 characters of [A-Za-z0-9_-], got \"a b\"");
            rejectsClient(opWith("clientId", "\"\""), ErrorCode.MALFORMED_MESSAGE,
                    "op: clientId must be 1-64 characters of [A-Za-z0-9_-], got \"\"");
            rejectsClient(opWith("clientId", "\"" + "x".repeat(65) + "\""), ErrorCode.MALFORMED_MESSAGE,
                    "op: clientId must be 1-64 characters of [A-Za-z0-9_-], got \"" + "x".repeat(40) + "\"... (65 chars)");
            rejectsClient(opWith("clientId", "\"caf\u00e9\""), ErrorCode.MALFORMED_MESSAGE,
                    "op: clientId must be 1-64 characters of [A-Za-z0-9_-], got \"caf\u00e9\"");
        }

        @Test
        void badOperationArraysAreInvalidOperations() {
            String[][] cases = {
                {"[0]", "fromWire: element 0 is 0 (retain and delete counts must be non-zero)"},
                {"[1,-0]", "fromWire: element 1 is 0 (retain and delete counts must be non-zero)"},
                {"[1.5]", "fromWire: element 0 is 1.5, not an integer"},
                {"[1e2]", "fromWire: element 0 is 100.0, not an integer"},
                {"[3000000000]", "fromWire: element 0 is 3000000000, outside the int range"},
                {"[99999999999999999999]", "fromWire: element 0 is 99999999999999999999, outside the int range"},
                {"[true]", "fromWire: element 0 is a boolean; expected a non-zero integer or a non-empty string"},
                {"[null]", "fromWire: element 0 is null; expected a non-zero integer or a non-empty string"},
                {"[[1]]", "fromWire: element 0 is an array; expected a non-zero integer or a non-empty string"},
                {"[{}]", "fromWire: element 0 is an object; expected a non-zero integer or a non-empty string"},
                {"[\"\"]", "fromWire: element 0 is an empty string (inserts must be non-empty)"},
                {"[2147483647,2147483647]", "retain: length 2147483647 + 2147483647 overflows int"},
            };
            for (String[] c : cases) {
                rejectsClient(opWith("op", c[0]), ErrorCode.INVALID_OPERATION, c[1]);
            }
        }

        @Test
        void duplicateKeysAreMalformed() {
            rejectsClient("{\"type\":\"code_update\",\"code\":\"a\",\"code\":\"b\"}", ErrorCode.MALFORMED_MESSAGE,
                    "malformed JSON at line 1 column 40: Duplicate field 'code'");
            assertThat(clientError("{\"type\":\"code_update\",\"type\":\"hello\",\"code\":\"a\"}").code())
                    .isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        }

        @Test
        void deepNestingIsMalformed() {
            int depth = MessageCodec.MAX_NESTING_DEPTH + 1;
            String deep = "{\"type\":\"code_update\",\"code\":\"x\",\"extra\":"
                    + "[".repeat(depth) + "]".repeat(depth) + "}";
            ProtocolException e = clientError(deep);
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
            assertThat(e.getMessage()).startsWith("malformed JSON: Document nesting depth (33) exceeds the maximum allowed (32");
            // One level less is fine.
            String ok = "{\"type\":\"code_update\",\"code\":\"x\",\"extra\":"
                    + "[".repeat(depth - 2) + "]".repeat(depth - 2) + "}";
            assertThat(CODEC.encode(decodeQuietly(ok))).isEqualTo("{\"type\":\"code_update\",\"code\":\"x\"}");
        }

        private ClientMessage decodeQuietly(String json) {
            try {
                return CODEC.decodeClient(json);
            } catch (ProtocolException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }

        @Test
        void unknownErrorCodeIsMalformed() {
            assertThatThrownBy(() -> CODEC.decodeServer("{\"type\":\"error\",\"code\":\"TEAPOT\",\"message\":\"m\"}"))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessage("error: field \"code\" is not a known error code: \"TEAPOT\"");
        }

        @Test
        void recordsRefuseInvalidValuesWhenBuiltInCode() {
            assertThatThrownBy(() -> new ServerMessage.Ack(-1, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ClientMessage.Hello("no spaces", 0, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ClientMessage.Op("c1", 0, 0, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("op: op is required");
            assertThatThrownBy(() -> CODEC.encode((ServerMessage) null)).isInstanceOf(NullPointerException.class);
        }
    }
}
