package io.pairprog.server;

/**
 * A component with a life cycle, Dropwizard-style: {@code Main} starts them in order and stops them in
 * reverse order, so nothing is stopped while something started after it still uses it.
 */
public interface Managed {
    void start() throws Exception;

    void stop() throws Exception;
}
