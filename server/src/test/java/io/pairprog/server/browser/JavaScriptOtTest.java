package io.pairprog.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.ot.UndoManager;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser's OT code, exactly as the server serves it ({@code /text-operation.js}, {@code /ot-client.js},
 * {@code /undo-manager.js}, {@code /room-client.js}), run in headless Chromium: the transform, undo and
 * conversation vectors the Java tests replay, and a simulated network of JavaScript clients.
 */
class JavaScriptOtTest {
    /** The vectors file shared with shared-protocol's Java tests; the working directory is the server module. */
    private static final Path VECTORS = Path.of("../shared-protocol/src/test/resources/io/pairprog/ot/transform-vectors.json");
    private static final Path UNDO_VECTORS = Path.of("../shared-protocol/src/test/resources/io/pairprog/ot/undo-vectors.json");
    private static final Path CONVERSATIONS = Path.of("../shared-protocol/src/test/resources/io/pairprog/client/conversation-vectors.json");

    @RegisterExtension
    static final BrowserPages browser = BrowserPages.on(TestDatabases.Kind.POSTGRES);
    private final Page page = browser.page();

    @BeforeAll
    static void allowLongScripts() {
        browser.page().scriptTimeout(Duration.ofSeconds(30));
    }

    @Test
    void textOperationJsReplaysTheSharedTransformVectors() throws IOException {
        String vectors = Files.readString(VECTORS, StandardCharsets.UTF_8);
        String result = (String) page.asyncScript("""
                const [vectors, done] = arguments;
                import('/text-operation.js').then(({ TextOperation }) => {
                  const failures = [];
                  const cases = JSON.parse(vectors);
                  cases.forEach((v, i) => {
                    try {
                      const a = TextOperation.fromWire(v.a), b = TextOperation.fromWire(v.b);
                      const { aPrime, bPrime } = TextOperation.transform(a, b);
                      const got = {
                        aPrime: aPrime.toWire(), bPrime: bPrime.toWire(),
                        viaA: bPrime.apply(a.apply(v.doc)), viaB: aPrime.apply(b.apply(v.doc)),
                      };
                      const ok = JSON.stringify(got.aPrime) === JSON.stringify(v.aPrime)
                        && JSON.stringify(got.bPrime) === JSON.stringify(v.bPrime)
                        && got.viaA === v.result && got.viaB === v.result
                        && JSON.stringify(TextOperation.fromWire(a.toWire()).toWire()) === JSON.stringify(v.a);
                      if (!ok) failures.push(`vector ${i} ${JSON.stringify(v)}: got ${JSON.stringify(got)}`);
                    } catch (e) {
                      failures.push(`vector ${i} ${JSON.stringify(v)}: ${e}`);
                    }
                  });
                  done(JSON.stringify({ count: cases.length, failures }));
                }, (e) => done(JSON.stringify({ count: 0, failures: ['import failed: ' + e] })));
                """, vectors);
        JsonNode outcome = TestServer.json(result);
        assertThat(outcome.get("failures")).as("vectors the JavaScript transform disagrees with").isEmpty();
        assertThat(outcome.get("count").asInt()).isEqualTo(TestServer.json(vectors).size()).isPositive();
    }

    /** The same scenarios as shared-protocol's {@code UndoVectorsTest}, step by step, with the same replay rules. */
    @Test
    void undoManagerJsReplaysTheSharedUndoVectors() throws IOException {
        String vectors = Files.readString(UNDO_VECTORS, StandardCharsets.UTF_8);
        String result = (String) page.asyncScript("""
                const [vectors, done] = arguments;
                const modules = [import('/text-operation.js'), import('/undo-manager.js')];
                Promise.all(modules).then(([{ TextOperation }, { UndoManager }]) => {
                  const failures = [];
                  const scenarios = JSON.parse(vectors);
                  for (const scenario of scenarios) {
                    const undo = new UndoManager();
                    let text = scenario.text;
                    scenario.steps.forEach((step, i) => {
                      const why = `${scenario.name}, step ${i} ${JSON.stringify(step)} on ${JSON.stringify(text)}`;
                      try {
                        if (step.edit) {
                          const op = TextOperation.fromWire(step.edit);
                          undo.add(op, op.invert(text), step.sameEvent === true, step.at);
                          text = op.apply(text);
                        } else if (step.remote) {
                          const op = TextOperation.fromWire(step.remote);
                          undo.transform(op);
                          text = op.apply(text);
                        } else {
                          const op = step.undo ? undo.undo(text) : undo.redo(text);
                          text = op === null ? text : op.apply(text);
                        }
                        const wrong = [];
                        if (text !== step.text) wrong.push(`text ${JSON.stringify(text)}`);
                        if ('canUndo' in step && undo.canUndo() !== step.canUndo) wrong.push(`canUndo ${undo.canUndo()}`);
                        if ('canRedo' in step && undo.canRedo() !== step.canRedo) wrong.push(`canRedo ${undo.canRedo()}`);
                        if (wrong.length) failures.push(`${why}: got ${wrong.join(', ')}`);
                      } catch (e) {
                        failures.push(`${why}: ${e}`);
                      }
                    });
                  }
                  // The depth cap, which the vectors leave out (it takes MAX_DEPTH + 1 steps to see).
                  const deep = new UndoManager();
                  let doc = '';
                  for (let i = 0; i <= UndoManager.MAX_DEPTH; i++) {
                    const op = TextOperation.builder().insert('x').retain(doc.length).build();
                    deep.add(op, op.invert(doc), false, i * UndoManager.MERGE_WINDOW_MILLIS);
                    doc = op.apply(doc);
                  }
                  let undos = 0;
                  for (let op = deep.undo(doc); op !== null; op = deep.undo(doc)) {
                    doc = op.apply(doc);
                    undos++;
                  }
                  done(JSON.stringify({
                    count: scenarios.length, failures, undos, left: doc,
                    window: UndoManager.MERGE_WINDOW_MILLIS, depth: UndoManager.MAX_DEPTH,
                  }));
                }, (e) => done(JSON.stringify({ count: 0, failures: ['import failed: ' + e] })));
                """, vectors);
        JsonNode outcome = TestServer.json(result);
        assertThat(outcome.get("failures")).as("undo steps the JavaScript UndoManager disagrees with").isEmpty();
        assertThat(outcome.get("count").asInt()).isEqualTo(TestServer.json(vectors).size()).isPositive();
        assertThat(outcome.get("window").asLong()).as("merge window").isEqualTo(UndoManager.MERGE_WINDOW_MILLIS);
        assertThat(outcome.get("depth").asInt()).as("depth").isEqualTo(UndoManager.MAX_DEPTH);
        assertThat(outcome.get("undos").asInt()).as("undo steps kept").isEqualTo(UndoManager.MAX_DEPTH);
        assertThat(outcome.get("left").asText()).as("the oldest step, dropped").isEqualTo("x");
    }

    /**
     * The same conversations as shared-protocol's {@code ConversationVectorsTest}, step by step, against
     * {@code room-client.js}: what it sends, schedules and reports, and its text and status after each step.
     * Its constants are Java's, read from the package-private fields they are stated in.
     */
    @Test
    void roomClientJsReplaysTheSharedConversationVectors() throws Exception {
        String vectors = Files.readString(CONVERSATIONS, StandardCharsets.UTF_8);
        JsonNode outcome = TestServer.json((String) page.asyncScript(resource("conversation-replay.js"), vectors));
        assertThat(outcome.get("failures")).as("steps room-client.js plays differently from RoomClient").isEmpty();
        JsonNode scenarios = TestServer.json(vectors);
        int steps = 0;
        for (JsonNode scenario : scenarios) {
            steps += scenario.get("steps").size();
        }
        assertThat(outcome.get("scenarios").asInt()).isEqualTo(scenarios.size()).isPositive();
        assertThat(outcome.get("steps").asInt()).isEqualTo(steps);

        JsonNode js = TestServer.json((String) page.asyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/room-link.js'), import('/room-presence.js')]).then(([link, presence]) => done(JSON.stringify({
                  first: link.Backoff.FIRST_MILLIS, max: link.Backoff.MAX_MILLIS, jitter: link.Backoff.JITTER,
                  throttle: presence.CursorSender.THROTTLE_MILLIS, remembered: presence.RemoteCursors.REMEMBERED_OPERATIONS,
                })));"""));
        assertThat(js.get("first").asLong()).as("Backoff.FIRST_MILLIS").isEqualTo(javaConstant("Backoff", "FIRST_MILLIS"));
        assertThat(js.get("max").asLong()).as("Backoff.MAX_MILLIS").isEqualTo(javaConstant("Backoff", "MAX_MILLIS"));
        assertThat(js.get("jitter").asDouble()).as("Backoff.JITTER").isEqualTo(javaConstant("Backoff", "JITTER"));
        assertThat(js.get("throttle").asLong()).as("CursorSender.THROTTLE_MILLIS").isEqualTo(javaConstant("CursorSender", "THROTTLE_MILLIS"));
        assertThat(js.get("remembered").asInt()).as("RemoteCursors.REMEMBERED_OPERATIONS")
                .isEqualTo(javaConstant("RemoteCursors", "REMEMBERED_OPERATIONS"));
    }

    /** A package-private constant of io.pairprog.client, where it is stated once for the Java side. */
    private static Object javaConstant(String type, String name) throws ReflectiveOperationException {
        Field field = Class.forName("io.pairprog.client." + type).getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JavaScriptOtTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void roomClientJsConvergesOnASimulatedNetworkWithDropsAndResends() throws IOException {
        String simulation = resource("room-client-simulation.js");
        for (long seed : new long[] {1, 2, System.nanoTime() & 0xffffffffL}) {
            JsonNode outcome = TestServer.json((String) page.asyncScript(simulation, seed));
            assertThat(outcome.get("problems")).as("seed %d", seed).isEmpty();
            assertThat(outcome.get("revisions").asInt()).as("seed %d", seed).isGreaterThan(100);
        }
    }
}
