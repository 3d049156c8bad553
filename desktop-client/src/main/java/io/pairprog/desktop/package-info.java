/**
 * The pairprog desktop client: a Swing window with a shared RSyntaxTextArea editor that joins
 * rooms beside the browser.
 *
 * <ul>
 *   <li>{@code io.pairprog.desktop} — {@link io.pairprog.desktop.App}, the entry point.</li>
 *   <li>{@code io.pairprog.desktop.ui} — the start screen (room IDs and view-only links), the
 *       editor window (an editor's, or a viewer's with a read-only editor), the history dialog,
 *       status bar and participants panel.</li>
 *   <li>{@code io.pairprog.desktop.editor} — {@code EditorAdapter}, the bridge between the Swing
 *       document and {@code TextOperation}s, with undo, remote carets and autocomplete; and
 *       {@code PlainText}, which every widget showing text from the network goes through.</li>
 *   <li>{@code io.pairprog.desktop.net} — {@code RoomSession} (shared-protocol's {@code RoomClient}
 *       on the EDT, over a {@code ReconnectingConnection}, in the status bar's words),
 *       {@code ServerConnection} (Tyrus), {@code RestClient} and {@code RoomHistory} (history steps,
 *       texts at revisions, restore).</li>
 * </ul>
 *
 * <p>The protocol's client half, the OT state machine and the wire messages come from
 * {@code shared-protocol}; nothing here transforms operations or decides what a message means.
 */
package io.pairprog.desktop;
