package io.pairprog.server.room;

import java.util.Collection;
import java.util.List;

/** Presence colours: distinct within a room while there are enough, readable on light and dark themes. */
final class Colors {
    static final List<String> PALETTE = List.of(
            "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#008080", "#f032e6", "#9a6324");

    private Colors() {
    }

    /** The first palette colour nobody in {@code taken} has; colours repeat only past eight people. */
    static String firstFree(Collection<String> taken) {
        for (String color : PALETTE) {
            if (!taken.contains(color)) {
                return color;
            }
        }
        return PALETTE.get(taken.size() % PALETTE.size());
    }
}
