package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /openapi.json} is generated from the Jersey resources: every one of them is in it. */
class OpenApiTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED);
    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() {
        HttpResponse<String> response = server.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        document = TestServer.json(response.body());
    }

    @Test
    void listsTheSeedsEndpointsAndTheOperationsOnes() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(operation("post", "/rooms")).isNotNull();
        assertThat(operation("get", "/rooms/{roomId}")).isNotNull();
        assertThat(operation("post", "/autocomplete")).isNotNull();
        assertThat(operation("get", "/health")).isNotNull();
        assertThat(operation("get", "/health/ready")).isNotNull();
        assertThat(operation("get", "/metrics")).isNotNull();
        assertThat(document.get("paths").has("/openapi.json")).as("the document does not describe itself").isFalse();
    }

    /**
     * Every JAX-RS resource method in the server's code, found by scanning the classes, is in the document:
     * a resource added later is described without anyone writing its documentation by hand (and one that
     * was never registered with Jersey fails here).
     */
    @Test
    void everyResourceMethodInTheCodeIsDescribed() {
        List<String> missing = new ArrayList<>();
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().acceptPackages("io.pairprog.server").scan()) {
            for (Class<?> resource : scan.getClassesWithAnnotation(Path.class.getName()).loadClasses()) {
                if (resource.isAnnotationPresent(Hidden.class)) {
                    continue;
                }
                String base = "/" + strip(resource.getAnnotation(Path.class).value());
                for (Method method : resource.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    // a template's regular expression ({path: .+}) is not part of the documented path
                    String path = (sub == null ? base : base + "/" + strip(sub.value()))
                            .replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                    if (operation(verb.toLowerCase(Locale.ROOT), path) == null) {
                        missing.add(verb + " " + path + " (" + resource.getSimpleName() + "." + method.getName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("resource methods missing from /openapi.json").isEmpty();
    }

    @Test
    void schemasComeFromTheResourceTypesAndEveryApiErrorIsTheErrorBody() {
        JsonNode schemas = document.get("components").get("schemas");
        assertThat(schemas.get("RoomView").get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("roomId", "code", "revision", "language", "updatedAt", "viewId", "viewUrl");
        assertThat(operation("get", "/rooms/{roomId}").get("parameters").get(0).get("name").asText()).isEqualTo("roomId");
        assertThat(operation("post", "/autocomplete").at("/responses/200/content/application~1json/schema/$ref").asText())
                .endsWith("/Answer");
        for (String[] api : new String[][] {{"post", "/rooms"}, {"get", "/rooms/{roomId}"}, {"post", "/autocomplete"},
            {"get", "/rooms/{roomId}/history"}, {"get", "/rooms/{roomId}/revisions/{revision}"},
            {"post", "/rooms/{roomId}/restore"}}) {
            assertThat(operation(api[0], api[1]).at("/responses/default/content/application~1json/schema/$ref").asText())
                    .as(api[0] + " " + api[1]).endsWith("/ErrorBody");
        }
        assertThat(schemas.get("ErrorBody").at("/properties/code/enum").toString()).contains("ROOM_NOT_FOUND");
        assertThat(operation("get", "/health/ready").get("responses").has("503")).isTrue();
    }

    @Test
    void linksTheWebSocketProtocolWhichIsServedToo() throws IOException {
        assertThat(document.at("/externalDocs/url").asText()).isEqualTo("/docs/protocol.html");
        assertThat(document.at("/info/description").asText()).contains("(/docs/protocol.html)");
        assertThat(server.get("/docs/protocol.html").statusCode()).isEqualTo(200);
        HttpResponse<String> markdown = server.get("/docs/protocol.md");
        assertThat(markdown.statusCode()).isEqualTo(200);
        // The build copies the repository's docs/protocol.md into the web jar: one source, never stale.
        assertThat(markdown.body()).isEqualTo(Files.readString(java.nio.file.Path.of("..", "docs", "protocol.md")));
    }

    @Test
    void swaggerUiIsServedFromItsWebjar() {
        HttpResponse<String> page = server.get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/openapi.json").contains("/docs/protocol.html");
        for (String asset : new String[] {"swagger-ui-bundle.js", "swagger-ui.css"}) {
            String path = page.body().replaceAll("(?s).*?(/webjars/swagger-ui/[^\"]*/" + asset.replace(".", "\\.") + ").*", "$1");
            assertThat(server.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    private static JsonNode operation(String method, String path) {
        JsonNode item = document.get("paths").get(path);
        return item == null ? null : item.get(method);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
