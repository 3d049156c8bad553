package io.pairprog.server.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What {@code /health} (liveness) asks before it says UP: the parts of the server without which it only
 * looks alive. A port that answers while the commit thread is dead acknowledges nothing, and an
 * orchestrator should restart such a process instead of sending it users.
 */
public final class Liveness {
    /** One part of the server that can die on its own. */
    @FunctionalInterface
    public interface Check {
        /** Why the server cannot do its work, or null while this part is fine. */
        String problem();
    }

    private final List<Check> checks = new CopyOnWriteArrayList<>();

    public void watch(Check check) {
        checks.add(check);
    }

    /** Every current problem; empty when the server is alive. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Check check : checks) {
            String problem = check.problem();
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }
}
