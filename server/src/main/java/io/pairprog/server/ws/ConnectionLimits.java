package io.pairprog.server.ws;

import java.time.Duration;
import java.util.Set;

/**
 * What one WebSocket connection may do. Each limit protects the other clients from one bad or broken
 * client: exceeding it costs that client an error or its connection, never anyone else their speed.
 *
 * @param maxMessageBytes largest incoming message; larger ones close the connection with 1009
 * @param maxMessagesPerSecond sustained incoming messages per second (bursts of twice that pass)
 * @param maxConnectionsPerAddress open connections from one IP address
 * @param maxQueuedBytes outgoing bytes a connection may leave unread before it is closed (4500)
 * @param maxQueuedBytesTotal outgoing bytes all connections together may leave unread; over it, the
 *                            connections holding more than their share are closed (4500)
 * @param idleTimeout silence (no message, no pong) after which a connection is closed
 * @param pingInterval how often the server pings, so that live clients are never silent that long
 * @param allowedOrigins page origins allowed besides the server's own; {@code *} allows any
 */
public record ConnectionLimits(int maxMessageBytes, int maxMessagesPerSecond, int maxConnectionsPerAddress,
                               long maxQueuedBytes, long maxQueuedBytesTotal, Duration idleTimeout,
                               Duration pingInterval, Set<String> allowedOrigins) {
}
