package io.pairprog.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code --log-format} and {@code --debug} to Logback. Logback configures itself (from
 * {@link LogbackDefaults}) the moment the first logger exists, long before the command line is parsed,
 * so this starts again from those defaults and then changes what the settings say: levels, and the
 * encoder of the console appender.
 *
 * <p>An operator's own {@code -Dlogback.configurationFile} wins: then nothing is changed here.
 */
public final class Logging {
    private Logging() {
    }

    public static void configure(LogFormat format, boolean debug) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context) || LogbackDefaults.operatorFileGiven()) {
            return;
        }
        context.reset();
        LogbackDefaults.apply(context);
        if (debug) {
            context.getLogger("io.pairprog").setLevel(Level.DEBUG);
            context.getLogger("com.zaxxer.hikari").setLevel(Level.INFO);
            context.getLogger("org.flywaydb").setLevel(Level.INFO);
        }
        if (format == LogFormat.JSON) {
            Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .iteratorForAppenders();
            appenders.forEachRemaining(appender -> {
                if (appender instanceof OutputStreamAppender<ILoggingEvent> out) {
                    out.stop();
                    out.setEncoder(jsonEncoder(context));
                    out.start();
                }
            });
        }
    }

    /** Timestamp, level, thread, logger, MDC, the formatted message and any stack trace, on one line. */
    private static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);   // the template with {} …
        encoder.setWithArguments(false); // … and its arguments, which
        encoder.setWithFormattedMessage(true); // this replaces
        encoder.start();
        return encoder;
    }
}
