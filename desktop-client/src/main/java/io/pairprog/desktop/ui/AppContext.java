package io.pairprog.desktop.ui;

import io.pairprog.desktop.net.Connection;
import io.pairprog.desktop.net.RoomRef;
import io.pairprog.desktop.net.ServerAddress;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the windows of one app instance share: settings, the instance's client id, the way to
 * connect, and the list of open windows (the app ends when the last one closes). EDT only.
 */
public final class AppContext {

    private final Settings settings;
    private final Connection.Connector connector;
    private final Runnable exit;
    private final String instanceId = "desktop-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final List<Window> windows = new ArrayList<>();
    private int joins;

    /** {@code exit} runs when the last window has closed (System.exit in the app, nothing in tests). */
    public AppContext(Settings settings, Connection.Connector connector, Runnable exit) {
        this.settings = settings;
        this.connector = connector;
        this.exit = exit;
    }

    public Settings settings() {
        return settings;
    }

    Connection.Connector connector() {
        return connector;
    }

    /**
     * A client id for one stay in one room: this instance's id plus a counter. A fresh one per
     * join, because the server remembers the last {@code clientSeq} of every id and a new
     * session starts counting at 1 again.
     */
    String nextClientId() {
        return instanceId + "-" + (++joins);
    }

    /** Opens the start screen; {@code error} (may be null) is shown on it. */
    public StartScreen showStartScreen(String error) {
        StartScreen screen = new StartScreen(this);
        register(screen);
        screen.setVisible(true);
        if (error != null) {
            screen.showError(error);
        }
        return screen;
    }

    /**
     * Opens a room in a new editor window and connects it. Rooms joined by id go to the recent
     * rooms; view-only links do not (the list holds room IDs, which a viewer never learns).
     */
    EditorFrame openRoom(ServerAddress server, RoomRef target, String name) {
        if (!target.viewOnly()) {
            settings.addRecentRoom(server.toString(), target.id(), System.currentTimeMillis());
            settings.flush();
        }
        EditorFrame frame = new EditorFrame(this, server, target, name, nextClientId());
        register(frame);
        frame.setVisible(true);
        frame.start();
        return frame;
    }

    /** The open windows, oldest first. */
    public List<Window> windows() {
        return List.copyOf(windows);
    }

    private void register(Window window) {
        windows.add(window);
        window.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                if (windows.remove(window) && windows.isEmpty()) {
                    exit.run();
                }
            }
        });
    }
}
