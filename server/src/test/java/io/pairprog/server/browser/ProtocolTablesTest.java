package io.pairprog.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.protocol.ClientAction;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's {@code /protocol.js}, as the server serves it, holds the same reaction to every error code
 * and close code as Java's {@link ErrorCode#clientAction()} and {@link CloseCodes#reconnect(int)}: a code
 * added on one side only, or decided differently, fails here.
 */
class ProtocolTablesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Codes the server never uses, from the standard range, the registered range and the application range. */
    private static final int[] UNUSED_CLOSE_CODES = {1002, 1005, 1006, 1007, 1008, 1010, 1014, 1015, 3000, 4000, 4401, 4999};

    @RegisterExtension
    static final BrowserPages browser = BrowserPages.on(TestDatabases.Kind.EMBEDDED);
    private static JsonNode js;

    @BeforeAll
    static void readTheTablesOfProtocolJs() {
        js = TestServer.json((String) browser.page().asyncScript("""
                const [errorCodes, closeCodes, done] = arguments;
                import('/protocol.js').then((p) => done(JSON.stringify({
                  clientActions: Object.keys(p.ClientAction), clientActionValues: Object.values(p.ClientAction),
                  reconnects: Object.keys(p.Reconnect), reconnectValues: Object.values(p.Reconnect),
                  errorActions: p.ERROR_ACTIONS,
                  clientAction: Object.fromEntries(errorCodes.map((c) => [c, p.clientAction(c)])),
                  unknownErrorCode: p.clientAction('NO_SUCH_CODE'),
                  closeCodes: p.CloseCodes,
                  reconnect: Object.fromEntries(closeCodes.map((c) => [c, p.reconnect(c)])),
                })), (e) => done(JSON.stringify({ failed: String(e) })));
                """, Arrays.stream(ErrorCode.values()).map(Enum::name).toList(), allCloseCodes()));
        assertThat(js.has("failed")).as("importing /protocol.js: %s", js).isFalse();
    }

    @Test
    void theActionsAndReconnectPoliciesHaveTheJavaNames() {
        assertThat(strings(js.get("clientActions"))).containsExactly(names(ClientAction.values()));
        assertThat(strings(js.get("clientActionValues"))).containsExactly(names(ClientAction.values()));
        assertThat(strings(js.get("reconnects"))).containsExactly(names(CloseCodes.Reconnect.values()));
        assertThat(strings(js.get("reconnectValues"))).containsExactly(names(CloseCodes.Reconnect.values()));
    }

    @Test
    void everyErrorCodeHasTheSameActionInJavaScript() {
        Map<String, String> java = new TreeMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            java.put(code.name(), code.clientAction().name());
        }
        assertThat(JSON.convertValue(js.get("errorActions"), TreeMap.class)).as("ERROR_ACTIONS").isEqualTo(java);
        assertThat(JSON.convertValue(js.get("clientAction"), TreeMap.class)).as("clientAction(code)").isEqualTo(java);
        assertThat(js.get("unknownErrorCode").asText()).isEqualTo(ClientAction.NOTICE.name());
    }

    @Test
    void everyCloseCodeHasTheSameNumberAndReconnectPolicyInJavaScript() {
        assertThat(JSON.convertValue(js.get("closeCodes"), TreeMap.class)).as("CloseCodes").isEqualTo(javaCloseCodes());
        Map<String, String> java = new TreeMap<>();
        for (int code : allCloseCodes()) {
            java.put(String.valueOf(code), CloseCodes.reconnect(code).name());
        }
        assertThat(JSON.convertValue(js.get("reconnect"), TreeMap.class)).as("reconnect(code)").isEqualTo(java);
    }

    /** Java's constants, by name. */
    private static Map<String, Integer> javaCloseCodes() {
        Map<String, Integer> codes = new TreeMap<>();
        for (Field f : CloseCodes.class.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    codes.put(f.getName(), f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(f.getName(), e);
                }
            }
        }
        return codes;
    }

    /** Java's codes and the unused ones, as a list (WebDriver passes lists, not {@code int[]}). */
    private static List<Integer> allCloseCodes() {
        return IntStream.concat(javaCloseCodes().values().stream().mapToInt(Integer::intValue),
                Arrays.stream(UNUSED_CLOSE_CODES)).boxed().toList();
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static String[] strings(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }
}
