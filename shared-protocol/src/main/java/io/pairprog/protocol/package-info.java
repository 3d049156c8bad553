/**
 * The wire protocol between pairprog clients and the server: one JSON object per WebSocket text
 * message, told apart by its {@code "type"} field, with camelCase fields.
 *
 * <h2>Messages</h2>
 *
 * <pre>
 *  client -&gt; server                                  server -&gt; client
 *  code_update {code}                (seed client)   initial_code {code, revision, language?}
 *  hello {clientId, revision, name?, resumeToken?}   code_update {code, revision}   (seed clients)
 *  op {clientId, clientSeq, baseRevision, op}        joined {clientId, revision, color, language,
 *  cursor {revision, ranges}                                 participants, readOnly?, resumeToken?}
 *  rename {name}                                     op {revision, clientId, clientSeq, op}
 *  set_language {language}                           ack {revision, clientSeq}
 *                                                    error {code, message, clientSeq?}
 *                                                    participant {clientId, name, color, role?}
 *                                                    participant_left {clientId}
 *                                                    cursor {clientId, revision, ranges}
 *                                                    language {language, clientId}
 * </pre>
 *
 * An {@code op} field is a {@link io.pairprog.ot.TextOperation} in its wire form, e.g.
 * {@code [5,"abc",-2]}, counted in UTF-16 units. Fields marked {@code ?} may be absent; absent
 * and {@code null} mean the same, and the encoder leaves null fields out.
 *
 * <h2>Conversation</h2>
 *
 * <ol>
 *   <li>On connect the server sends {@code initial_code}. A seed client then just exchanges
 *       {@code code_update}s.</li>
 *   <li>An OT client sends {@code hello} with the revision it holds (the one from
 *       {@code initial_code}, or its current one when reconnecting). The server replies with every
 *       stored {@code op} after that revision, then {@code joined}.</li>
 *   <li>The client sends each local edit as {@code op} with a {@code clientSeq} that starts at 1
 *       and grows by one per operation, and the revision it is based on. The server transforms it
 *       past newer history, stores it, answers the sender with {@code ack} and sends {@code op} to
 *       everyone else. A resend repeats the {@code clientSeq}; the server stores each
 *       {@code (clientId, clientSeq)} once and acks duplicates again.</li>
 * </ol>
 *
 * <h2>Errors</h2>
 *
 * Decoding failures are {@link io.pairprog.protocol.ProtocolException}s carrying an
 * {@link io.pairprog.protocol.ErrorCode}; the server returns them as {@code error} messages.
 * Fatal conditions close the socket with one of the {@link io.pairprog.protocol.CloseCodes}.
 * Codes are stable names; messages are for people and may change. What a client does about each is
 * data in this package, {@link io.pairprog.protocol.ErrorCode#clientAction()} and
 * {@link io.pairprog.protocol.CloseCodes#reconnect(int)}, mirrored by the web page's {@code protocol.js}.
 */
package io.pairprog.protocol;
