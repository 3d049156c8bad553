package io.pairprog.server.ops;

/** How log events are written to standard output. */
public enum LogFormat {
    /** One line per event for people: time, level, thread, logger, message, then MDC ids. */
    TEXT,
    /** One JSON object per line, for log collectors (logback's own {@code JsonEncoder}). */
    JSON
}
