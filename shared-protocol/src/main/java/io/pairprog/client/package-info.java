/**
 * The client half of the protocol, written once for every Java client (the desktop app, the load tool,
 * the test peers) and mirrored line for line by the web page's {@code room-client.js}: ot.js's
 * {@code EditorClient} without the editor.
 *
 * <h2>Threading</h2>
 *
 * A {@link io.pairprog.client.RoomClient} is confined to one thread, the client's: the EDT on the
 * desktop, the page's thread in a browser, the event loop in the load tool. Every call into it, and
 * every call it makes to its {@link io.pairprog.client.Transport}, {@link io.pairprog.client.Scheduler},
 * {@link io.pairprog.client.Document} and {@link io.pairprog.client.Listener}, happens there; a
 * transport hands its network events over to that thread before calling
 * {@link io.pairprog.client.RoomClient#opened()}, {@code receive} or {@code closed}. Nothing here
 * blocks or locks.
 *
 * <h2>The handshake</h2>
 *
 * <pre>
 *  connect ─► initial_code ─► (first time, or after starting over: reset to its text)
 *          ─► hello {clientId, revision held, name, resumeToken}
 *          ─► op … (the catch-up; our own op among them is its ack)
 *          ─► joined (revision must equal ours; keep a new resumeToken) ─► resend the unacknowledged edit
 * </pre>
 *
 * A reconnect keeps its own text and revision, so nothing typed offline is lost and nothing is sent twice
 * (the server drops a resend it already stored, by {@code clientSeq}). What the client does about each
 * {@code error} and close code is the shared table ({@link io.pairprog.protocol.ErrorCode#clientAction()},
 * {@link io.pairprog.protocol.CloseCodes#reconnect(int)}); how long it waits is one
 * {@code Backoff} (500 ms doubling to 10 s, ±25 % jitter) for reconnects and resends alike.
 *
 * <h2>Presence</h2>
 *
 * Our cursor goes out at most every 40 ms, and only while nothing is unacknowledged. A peer's cursor is
 * placed by one rule: from our revision it moves past our unacknowledged edits; from an older one it
 * first replays the last 200 stored operations; from a newer one it waits until we get there. Both
 * clients once differed here (the desktop dropped every cursor not at its exact revision); the replay is
 * kept because a cursor that overtakes or trails the operations around it (a commit racing a move, two
 * servers sharing a room) is then still shown where the peer is, instead of vanishing until they move.
 */
package io.pairprog.client;
