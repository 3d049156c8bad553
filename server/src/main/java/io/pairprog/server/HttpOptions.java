package io.pairprog.server;

import io.pairprog.server.edge.AllowedHosts;
import io.pairprog.server.edge.ClientAddresses;
import io.pairprog.server.edge.EdgeLimits;
import io.pairprog.server.edge.OpenFiles;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The HTTP edge's settings (docs/operations.md, "Limits"), mixed into {@link ServerConfig}: which host
 * names the server answers to, timeouts and connection limits for what is not a WebSocket, the REST
 * threads and rates, and the metrics token.
 */
public final class HttpOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--allowed-hosts", defaultValue = "", split = ",",
            description = "Host names the server answers to besides IP addresses, localhost and *.localhost, "
                    + "e.g. pair.example.com or .example.com (with subdomains); * for any (env ALLOWED_HOSTS).")
    List<String> allowedHosts;

    @Option(names = "--http-idle-timeout-seconds", defaultValue = "30",
            description = "Close HTTP connections idle this long between requests; WebSockets are not affected "
                    + "(env HTTP_IDLE_TIMEOUT_SECONDS).")
    int idleTimeoutSeconds;

    @Option(names = "--http-header-timeout-seconds", defaultValue = "10",
            description = "Close connections whose request head is not complete this long after it began "
                    + "(env HTTP_HEADER_TIMEOUT_SECONDS).")
    int headerTimeoutSeconds;

    @Option(names = "--http-body-timeout-seconds", defaultValue = "30",
            description = "Answer 408 to REST requests whose body is not complete this long after their head "
                    + "(env HTTP_BODY_TIMEOUT_SECONDS).")
    int bodyTimeoutSeconds;

    @Option(names = "--max-connections", defaultValue = "0",
            description = "Open TCP connections in all, WebSockets included; 0: the open-file limit less 128 "
                    + "(env MAX_CONNECTIONS).")
    int maxConnections;

    // 0 follows the WebSocket limit: raising that one (a load test from one address) must not leave the
    // handshakes, which are HTTP connections until they succeed, stuck at the HTTP limit.
    @Option(names = "--max-http-connections-per-address", defaultValue = "0",
            description = "Open connections from one IP address that are not WebSockets; 0: as many as "
                    + "--max-connections-per-address (env MAX_HTTP_CONNECTIONS_PER_ADDRESS).")
    int maxHttpConnectionsPerAddress;

    @Option(names = "--rest-threads", defaultValue = "16", description = "Threads that run REST requests (env REST_THREADS).")
    int restThreads;

    @Option(names = "--rest-queue", defaultValue = "64",
            description = "REST requests that may wait for a thread; more are answered 503 (env REST_QUEUE).")
    int restQueue;

    @Option(names = "--requests-per-second-per-address", defaultValue = "100",
            description = "REST requests per second from one IP address, bursts of twice that "
                    + "(env REQUESTS_PER_SECOND_PER_ADDRESS).")
    int requestsPerSecondPerAddress;

    @Option(names = "--rooms-per-minute-per-address", defaultValue = "60",
            description = "Rooms one IP address may create per minute, bursts of twice that "
                    + "(env ROOMS_PER_MINUTE_PER_ADDRESS).")
    int roomsPerMinutePerAddress;

    @Option(names = "--rooms-per-minute", defaultValue = "1200",
            description = "Rooms all clients together may create per minute, bursts of twice that (env ROOMS_PER_MINUTE).")
    int roomsPerMinute;

    @Option(names = "--trusted-proxies", defaultValue = "", split = ",",
            description = "Addresses of load balancers in front of this server, e.g. 10.0.0.2: for connections from "
                    + "them the client is the X-Forwarded-For address, for the per-address limits (env TRUSTED_PROXIES).")
    List<String> trustedProxies;

    @Option(names = "--metrics-token", defaultValue = "",
            description = "If set, GET /metrics needs 'Authorization: Bearer <token>' (env METRICS_TOKEN).")
    String metricsToken;

    /** Checks what the types cannot; throws naming the option, like {@link ServerConfig#validate()}. */
    void validate() {
        atLeast("--http-idle-timeout-seconds", idleTimeoutSeconds, 1);
        atLeast("--http-header-timeout-seconds", headerTimeoutSeconds, 1);
        atLeast("--http-body-timeout-seconds", bodyTimeoutSeconds, 1);
        atLeast("--max-connections", maxConnections, 0);
        atLeast("--max-http-connections-per-address", maxHttpConnectionsPerAddress, 0);
        atLeast("--rest-threads", restThreads, 1);
        atLeast("--rest-queue", restQueue, 1);
        atLeast("--requests-per-second-per-address", requestsPerSecondPerAddress, 1);
        atLeast("--rooms-per-minute-per-address", roomsPerMinutePerAddress, 1);
        atLeast("--rooms-per-minute", roomsPerMinute, 1);
        for (String proxy : proxies()) {
            if (!ClientAddresses.isIpLiteral(proxy)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--trusted-proxies': "
                        + proxy + " is not an IP address", spec.findOption("--trusted-proxies"), null);
            }
        }
    }

    private List<String> proxies() {
        return trustedProxies == null ? List.of() : trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty())
                .toList();
    }

    private void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value
                    + " is below the minimum " + min, spec.findOption(option), null);
        }
    }

    /**
     * @param maxBodyBytes the largest REST body, which is the largest WebSocket message too
     * @param webSocketsPerAddress the WebSocket limit per address, the HTTP one's default
     */
    public EdgeLimits limits(long maxBodyBytes, int webSocketsPerAddress) {
        return new EdgeLimits(Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(headerTimeoutSeconds),
                Duration.ofSeconds(bodyTimeoutSeconds), maxConnections == 0 ? OpenFiles.defaultMaxConnections() : maxConnections,
                maxHttpConnectionsPerAddress == 0 ? webSocketsPerAddress : maxHttpConnectionsPerAddress, maxBodyBytes, restThreads, restQueue, requestsPerSecondPerAddress,
                roomsPerMinutePerAddress, roomsPerMinute, new AllowedHosts(allowedHosts == null ? List.of() : allowedHosts),
                new ClientAddresses(proxies()));
    }

    /** The bearer token {@code /metrics} asks for; empty: none. */
    public String metricsToken() {
        return metricsToken == null ? "" : metricsToken;
    }
}
