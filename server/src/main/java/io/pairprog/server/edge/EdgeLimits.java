package io.pairprog.server.edge;

import java.time.Duration;

/**
 * What one HTTP client may do, so that no client can stall the others (docs/operations.md, "Limits").
 *
 * @param idleTimeout a connection between requests (keep-alive) is closed after this long
 * @param headerTimeout a request head must be complete this long after its first byte
 * @param bodyTimeout a REST request body must be complete this long after its head (408 otherwise)
 * @param maxConnections open TCP connections in all, WebSockets included
 * @param maxHttpConnectionsPerAddress open connections from one address that are not WebSockets
 * @param maxBodyBytes largest REST request body (413 otherwise)
 * @param restThreads threads that run REST requests
 * @param restQueue REST requests that may wait for a thread (503 beyond)
 * @param requestsPerSecondPerAddress REST requests per second from one address (429 beyond)
 * @param roomsPerMinutePerAddress rooms one address may create per minute (429 beyond)
 * @param roomsPerMinute rooms all clients together may create per minute (429 beyond)
 * @param allowedHosts the names this server answers to
 */
public record EdgeLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections,
                         int maxHttpConnectionsPerAddress, long maxBodyBytes, int restThreads, int restQueue,
                         int requestsPerSecondPerAddress, int roomsPerMinutePerAddress, int roomsPerMinute,
                         AllowedHosts allowedHosts, ClientAddresses clientAddresses) {
}
