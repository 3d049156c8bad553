package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code --metrics-token}, only a scraper that sends the token as a bearer token reads the metrics. */
class MetricsTokenTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED, "--metrics-token", "s3cret-scrape");

    @Test
    void metricsNeedTheBearerToken() throws Exception {
        HttpResponse<String> anonymous = server.get("/metrics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(TestServer.json(anonymous.body()).get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(anonymous.body()).doesNotContain("jvm_").doesNotContain("s3cret");

        assertThat(scrape(server, "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(scrape(server, "s3cret-scrape").statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = scrape(server, "Bearer s3cret-scrape");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(scraped.body()).contains("pairprog_websocket_connections");
        assertThat(server.get("/health").statusCode()).as("probes need no token").isEqualTo(200);
    }

    private static HttpResponse<String> scrape(RealServer server, String authorization) {
        return TestServer.send(HttpRequest.newBuilder(server.http("/metrics")).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).header("Accept", "text/plain").GET().build());
    }
}
