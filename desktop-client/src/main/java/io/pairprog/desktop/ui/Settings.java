package io.pairprog.desktop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs, in {@link Preferences}: the display name, the server, the
 * theme and the rooms joined lately (newest first, at most {@value #MAX_RECENT}).
 */
public final class Settings {

    /** A room joined before. */
    public record RecentRoom(String server, String roomId, long joinedAtMillis) {
    }

    public static final String DEFAULT_SERVER = "http://localhost:8000";
    static final int MAX_RECENT = 8;

    private final Preferences prefs;

    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The current user's settings. */
    public static Settings user() {
        return new Settings(Preferences.userRoot().node("io/pairprog/desktop"));
    }

    public String name() {
        String fallback = System.getProperty("user.name", "");
        return prefs.get("name", fallback.isBlank() ? "" : fallback);
    }

    public void setName(String name) {
        prefs.put("name", name);
    }

    public String server() {
        return prefs.get("server", DEFAULT_SERVER);
    }

    public void setServer(String server) {
        prefs.put("server", server);
    }

    public boolean dark() {
        return prefs.getBoolean("dark", false);
    }

    public void setDark(boolean dark) {
        prefs.putBoolean("dark", dark);
    }

    public List<RecentRoom> recentRooms() {
        List<RecentRoom> rooms = new ArrayList<>();
        for (String line : prefs.get("recentRooms", "").split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length == 3) {
                try {
                    rooms.add(new RecentRoom(parts[0], parts[1], Long.parseLong(parts[2])));
                } catch (NumberFormatException e) {
                    // a hand-edited entry; skip it
                }
            }
        }
        return rooms;
    }

    /** Puts the room first in the recent list (moving it if it was there). */
    public void addRecentRoom(String server, String roomId, long nowMillis) {
        List<RecentRoom> rooms = new ArrayList<>(recentRooms());
        rooms.removeIf(r -> r.roomId().equals(roomId) && r.server().equals(server));
        rooms.add(0, new RecentRoom(server, roomId, nowMillis));
        StringBuilder out = new StringBuilder();
        for (RecentRoom r : rooms.subList(0, Math.min(MAX_RECENT, rooms.size()))) {
            out.append(r.server()).append('\t').append(r.roomId()).append('\t').append(r.joinedAtMillis()).append('\n');
        }
        prefs.put("recentRooms", out.toString());
    }

    /** Writes to the backing store now; failures only mean the settings are not kept. */
    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            System.err.println("pairprog-desktop: cannot save settings: " + e.getMessage());
        }
    }
}
