/**
 * Operational transformation for plain text: the model every pairprog site edits with.
 *
 * <h2>Model</h2>
 *
 * A document is a Java {@link java.lang.String}. An edit is a {@link io.pairprog.ot.TextOperation}:
 * a list of retain, insert and delete components that walk the whole document once (ot.js). The
 * server is the single authority: it orders operations into revisions 1, 2, 3, ... Each client
 * runs one {@link io.pairprog.ot.OtClient}, which keeps at most one operation in flight and
 * transforms incoming operations past its unacknowledged local work, and one
 * {@link io.pairprog.ot.UndoManager}, which keeps the inverses of its own edits moved past every
 * remote operation, so that undo takes back only one's own work.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li><b>Lengths are UTF-16 code units.</b> Every count, length and index in this package counts
 *       {@code char}s, as {@code String.length()} in Java and {@code str.length} in JavaScript do, so
 *       the Java and browser clients exchange operations without conversion. The price is that an
 *       operation could cut an emoji in half; {@link io.pairprog.ot.TextOperation#splitsSurrogatePair}
 *       detects that, the server rejects such operations, and {@link io.pairprog.ot.TextDiff} never
 *       produces them.</li>
 *   <li><b>One normal form.</b> The builder drops empty components, merges neighbours of one kind and
 *       puts an insert before an adjacent delete, so equal edits are equal objects.</li>
 *   <li><b>TP1.</b> For concurrent {@code a} and {@code b} on document {@code S},
 *       {@code transform(a, b) = (a', b')} satisfies
 *       {@code b'.apply(a.apply(S)).equals(a'.apply(b.apply(S)))}. This is the only property the
 *       protocol needs, because the server's total order means no site ever transforms against two
 *       diverging histories (TP2 is not required).</li>
 *   <li><b>Tie-break.</b> When {@code a} and {@code b} insert at the same position, {@code a}'s text
 *       comes first. The server and every client pass the client's operation - the one not yet in
 *       the server's history - as {@code a}, so all sites order the two inserts alike.</li>
 *   <li><b>Revisions advance by one.</b> A client accepts a server message only for revision
 *       {@code revision() + 1}; anything else means a lost message, and the client reconnects.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 *
 * Every broken precondition throws the one unchecked {@link io.pairprog.ot.OperationException},
 * whose message names the function and the values, e.g.
 * {@code "transform: base lengths differ (12 vs 13)"}.
 *
 * <p>Nothing here is thread-safe except the immutable values ({@code TextOperation},
 * {@code Selection} and the client states).
 */
package io.pairprog.ot;
