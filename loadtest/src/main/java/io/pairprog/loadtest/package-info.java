/**
 * The load tool: real OT clients on loopback, measuring what docs/performance.md reports.
 *
 * <p>Every client is the production {@link io.pairprog.client.RoomClient} behind a JDK WebSocket, and all
 * of them run on one thread ({@code EventLoop}), so the tool needs about one core however many clients it
 * drives.
 * An edit is recognised by its {@code (clientId, clientSeq)}: the sender notes when it sent it, the
 * ack and each peer's {@code op} broadcast carry the same pair, and the fan-out latency is the time
 * from the send until the last other client in the room has applied it. Edits still incomplete when a
 * run ends are reported as lost.
 *
 * <p>Bounded in clients, rate and time, and refuses any server that is not on a loopback address.
 */
package io.pairprog.loadtest;
