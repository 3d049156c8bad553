package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What a client sends can end up in a log message (a header, a name). In the text log every control
 * character of the message and the MDC is escaped: a CR or LF cannot forge a line, an ESC cannot drive
 * the terminal of whoever reads the log. Stack traces keep their lines.
 */
class LogEscapingTest {
    private static final Logger log = LoggerFactory.getLogger("io.pairprog.server.ops.LogEscapingTest");
    private static final String HOSTILE = "evil\r\n12:00:00.000 INFO  [main] forged - admin logged in\u001b[31m\u009b2J\u007f\u0000\t!";

    @AfterEach
    void restoreDefaults() {
        MDC.clear();
        Logging.configure(LogFormat.TEXT, false);
    }

    @Test
    void textLogEscapesControlCharactersOfMessageAndMdc() {
        Logging.configure(LogFormat.TEXT, false);
        MDC.put("client", "c\u001b[2J\n");
        List<String> lines = capture(() -> log.warn("refused host '{}'", HOSTILE));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).endsWith(" - refused host 'evil\\r\\n12:00:00.000 INFO  [main] forged - admin logged in"
                + "\\u001b[31m\\u009b2J\\u007f\\u0000\\t!' [client=c\\u001b[2J\\n]");
        assertThat(lines.get(0).chars()).noneMatch(c -> c < 0x20 || c >= 0x7f && c <= 0x9f);
    }

    @Test
    void stackTracesKeepTheirLines() {
        Logging.configure(LogFormat.TEXT, false);
        List<String> lines = capture(() -> log.warn("failed", new IllegalStateException("boom\r\nforged")));
        assertThat(lines.get(0)).endsWith(" - failed");
        assertThat(String.join("\n", lines)).contains("java.lang.IllegalStateException: boom").contains("\tat ");
    }

    @Test
    void jsonLogKeepsEachEventOnOneLine() {
        Logging.configure(LogFormat.JSON, false);
        List<String> lines = capture(() -> log.warn("refused host '{}'", HOSTILE));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).chars()).noneMatch(c -> c < 0x20);
    }

    /** The console output of this test's logger while {@code action} runs, line by line. */
    private static List<String> capture(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        List<String> all = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        int first = 0;
        while (first < all.size() && !all.get(first).contains("LogEscapingTest")) {
            first++;
        }
        // This test's event and what follows it without a timestamp of its own (a stack trace).
        int end = first + 1;
        while (end < all.size() && !all.get(end).matches("^(\\d\\d:\\d\\d|\\{).*")) {
            end++;
        }
        return first == all.size() ? List.of() : all.subList(first, end);
    }
}
