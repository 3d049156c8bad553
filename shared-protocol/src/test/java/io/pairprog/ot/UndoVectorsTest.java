package io.pairprog.ot;

import static io.pairprog.ot.RandomText.show;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code undo-vectors.json}, the undo scenarios the browser's {@code undo-manager.js}
 * replays too (server's {@code JavaScriptOtTest}), so both clients group, undo and redo alike.
 * Each scenario is {@code {name, text, steps}}; a step is one of
 * {@code {edit, at, sameEvent?}} (a local edit in wire form at a time in ms, its inverse taken
 * from the text), {@code {remote}} (a peer's operation, already transformed to the text),
 * {@code {undo: true}} or {@code {redo: true}}, each with the {@code text} expected after it and
 * optionally {@code canUndo} and {@code canRedo}.
 */
class UndoVectorsTest {

    @Test
    void everyScenarioUndoesAsRecorded() throws IOException {
        List<Map<String, Object>> scenarios = load();
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(15);
        for (Map<String, Object> scenario : scenarios) {
            assertThat(scenario).containsOnlyKeys("name", "text", "steps");
            UndoManager undo = new UndoManager();
            String text = (String) scenario.get("text");
            List<?> steps = (List<?>) scenario.get("steps");
            for (int i = 0; i < steps.size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> step = (Map<String, Object>) steps.get(i);
                String why = scenario.get("name") + ", step " + i + " " + step + " on " + show(text);
                assertThat(step).as(why).containsKey("text");
                text = play(undo, step, text);
                assertThat(text).as(why).isEqualTo(step.get("text"));
                if (step.containsKey("canUndo")) {
                    assertThat(undo.canUndo()).as(why + ": canUndo").isEqualTo(step.get("canUndo"));
                }
                if (step.containsKey("canRedo")) {
                    assertThat(undo.canRedo()).as(why + ": canRedo").isEqualTo(step.get("canRedo"));
                }
            }
        }
    }

    @Test
    void scenariosCoverPeersEventsAndSurrogatePairs() throws IOException {
        String all = load().toString();
        assertThat(all).contains("remote=", "sameEvent=true", "redo=true", "\r\n", "😀");
    }

    /** One step of a scenario: the text after it. */
    static String play(UndoManager undo, Map<String, Object> step, String text) {
        if (step.containsKey("edit")) {
            assertThat(step.get("at")).isInstanceOf(Number.class);
            assertThat(step.keySet()).isSubsetOf("edit", "at", "sameEvent", "text", "canUndo", "canRedo");
            TextOperation op = TextOperation.fromWire((List<?>) step.get("edit"));
            boolean sameEvent = Boolean.TRUE.equals(step.get("sameEvent"));
            undo.add(op, op.invert(text), sameEvent, ((Number) step.get("at")).longValue());
            return op.apply(text);
        }
        if (step.containsKey("remote")) {
            assertThat(step.keySet()).isSubsetOf("remote", "text", "canUndo", "canRedo");
            TextOperation op = TextOperation.fromWire((List<?>) step.get("remote"));
            undo.transform(op);
            return op.apply(text);
        }
        assertThat(step).containsAnyOf(Map.entry("undo", true), Map.entry("redo", true));
        assertThat(step.keySet()).isSubsetOf("undo", "redo", "text", "canUndo", "canRedo");
        TextOperation op = step.containsKey("undo") ? undo.undo(text) : undo.redo(text);
        return op == null ? text : op.apply(text);
    }

    private static List<Map<String, Object>> load() throws IOException {
        try (InputStream in = UndoVectorsTest.class.getResourceAsStream("undo-vectors.json")) {
            assertThat(in).as("undo-vectors.json on the test classpath").isNotNull();
            return new ObjectMapper().readValue(in, new TypeReference<>() { });
        }
    }
}
