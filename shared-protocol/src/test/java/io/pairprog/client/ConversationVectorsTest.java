package io.pairprog.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pairprog.protocol.ClientAction;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code conversation-vectors.json}, the recorded exchanges the browser's {@code room-client.js}
 * replays too (server's {@code JavaScriptOtTest}), so the two clients cannot drift. Each scenario is
 * {@code {name, clientId, user?, readOnly?, headless?, steps}}; a step is one input ({@code do}: start,
 * opened, close or retryNow; {@code server}: a message; {@code closed}: [code, reason]; {@code edit}: an
 * operation typed, in wire form; {@code select}: ranges; {@code wait}: milliseconds; {@code rename};
 * {@code setLanguage}) with what must follow it: the client messages {@code sent}, the {@code transport}
 * calls, the {@code timers} scheduled, the listener's {@code events}, and the {@code text} and
 * {@code status} after it (a missing list is an empty one). With {@code -Dpairprog.vectors.record=<file>}
 * the observed outcomes are written to that file instead, for review.
 */
class ConversationVectorsTest {
    private static final String FILE = "conversation-vectors.json";
    private static final String[] OUTCOMES = {"returned", "sent", "transport", "timers", "events", "text", "status"};

    @Test
    void everyConversationPlaysAsRecorded() throws Exception {
        ArrayNode scenarios = load();
        String record = System.getProperty("pairprog.vectors.record");
        for (JsonNode scenario : scenarios) {
            Conversation conversation = new Conversation(scenario);
            for (int i = 0; i < scenario.get("steps").size(); i++) {
                ObjectNode step = (ObjectNode) scenario.get("steps").get(i);
                String why = scenario.get("name").asText() + ", step " + i + " " + input(step);
                Map<String, Object> outcome = conversation.play(step);
                if (record != null) {
                    for (String key : OUTCOMES) {
                        step.remove(key);
                    }
                    step.setAll((ObjectNode) Conversation.JSON.valueToTree(outcome));
                } else {
                    assertThat(canonical(outcome)).as(why).isEqualTo(canonical(expected(step)));
                }
            }
        }
        if (record != null) {
            Files.writeString(Path.of(record), Conversation.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenarios));
        }
    }

    /** Every action of the shared table, every reconnect policy, the resume token and both cursor cases are played. */
    @Test
    void theConversationsCoverEveryActionAndEveryReconnectPolicy() throws IOException {
        Set<ClientAction> actions = EnumSet.noneOf(ClientAction.class);
        Set<CloseCodes.Reconnect> reconnects = EnumSet.noneOf(CloseCodes.Reconnect.class);
        StringBuilder names = new StringBuilder();
        for (JsonNode scenario : load()) {
            names.append(scenario.get("name").asText()).append('\n');
            for (JsonNode step : scenario.get("steps")) {
                if ("error".equals(step.path("server").path("type").asText())) {
                    actions.add(ErrorCode.valueOf(step.get("server").get("code").asText()).clientAction());
                }
                if (step.has("closed")) {
                    reconnects.add(CloseCodes.reconnect(step.get("closed").get(0).asInt()));
                }
            }
        }
        assertThat(actions).containsExactlyInAnyOrder(ClientAction.values());
        assertThat(reconnects).containsExactlyInAnyOrder(CloseCodes.Reconnect.values());
        assertThat(load().toString()).contains("\"resumeToken\"", "\"STARTED_OVER\"", "\"retryNow\"", "-r1");
        assertThat(names).contains("from the past", "from the future", "start over", "catch-up", "resend");
    }

    static ArrayNode load() throws IOException {
        try (InputStream in = ConversationVectorsTest.class.getResourceAsStream(FILE)) {
            return (ArrayNode) Conversation.JSON.readTree(in);
        }
    }

    private static ObjectNode expected(ObjectNode step) {
        ObjectNode expected = Conversation.JSON.createObjectNode();
        for (String key : OUTCOMES) {
            if (step.has(key)) {
                expected.set(key, step.get(key));
            }
        }
        return expected;
    }

    private static ObjectNode input(ObjectNode step) {
        ObjectNode input = step.deepCopy();
        input.remove(java.util.List.of(OUTCOMES));
        return input;
    }

    /** Key order and number types aside, the same JSON gives the same string. */
    private static String canonical(Object value) throws IOException {
        return Conversation.JSON.writeValueAsString(Conversation.JSON.convertValue(value, Object.class));
    }

}
