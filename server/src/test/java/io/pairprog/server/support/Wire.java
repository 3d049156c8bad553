package io.pairprog.server.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Client messages as JSON, built the way a client written against docs/protocol.md writes them, without
 * the project's codec: tests that are about the server's behaviour use these, tests about bad JSON
 * write it by hand.
 */
public final class Wire {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    public static String hello(String clientId, long revision) {
        return hello(clientId, revision, null, null);
    }

    /** {@code name} and {@code resumeToken} are left out when null. */
    public static String hello(String clientId, long revision, String name, String resumeToken) {
        ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("clientId", clientId).put("revision", revision);
        if (name != null) {
            hello.put("name", name);
        }
        if (resumeToken != null) {
            hello.put("resumeToken", resumeToken);
        }
        return write(hello);
    }

    /** {@code op} is the operation in its wire form, as JSON text: {@code [5, "abc", -2]}. */
    public static String op(String clientId, long clientSeq, long baseRevision, String op) {
        return "{\"type\":\"op\",\"clientId\":" + quote(clientId) + ",\"clientSeq\":" + clientSeq + ",\"baseRevision\":"
                + baseRevision + ",\"op\":" + op + "}";
    }

    /** The seed client's whole text. */
    public static String codeUpdate(String code) {
        return write(JSON.createObjectNode().put("type", "code_update").put("code", code));
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
