package io.pairprog.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The server's Logback configuration, in code instead of a {@code logback.xml}: Logback reads XML with
 * Joran and the JDK's XML parser, ~280 classes more, and the file was read twice (again once the command
 * line was parsed); a one-core start spent 0.11–0.29 s of its class-load timeline on it, 0.11–0.21 s
 * in code. Logback finds this class through {@code META-INF/services}, ahead of its own XML lookup.
 *
 * <p>An operator's own {@code -Dlogback.configurationFile} still wins: then this steps aside and Logback
 * reads that file, and {@link Logging} changes nothing.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogbackDefaults extends ContextAwareBase implements Configurator {
    /**
     * One line per event; the MDC ids (room, client) follow the message when set. Both are escaped
     * ({@link EscapedControls}): a client's bytes in them cannot start a line of their own. The empty
     * {@code {}} after {@code %esc(…)} is needed: without it Logback 1.5 prints the {@code %n} as text.
     */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %esc(%msg%replace( [%mdc]){' \\[\\]', ''}){}%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (operatorFileGiven()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Makes {@code %word} in patterns of {@code context} mean {@code converter}. */
    @SuppressWarnings("unchecked")
    private static void registerConverter(LoggerContext context, String word, Supplier<DynamicConverter> converter) {
        Map<String, Supplier<DynamicConverter>> registry =
                (Map<String, Supplier<DynamicConverter>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (registry == null) {
            registry = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, registry);
        }
        registry.put(word, converter);
    }

    static boolean operatorFileGiven() {
        return System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null;
    }

    /** Console output at INFO, quieter libraries; {@link Logging} changes levels and encoder from here. */
    static void apply(LoggerContext context) {
        // Grizzly, Jersey and Tyrus log through JUL; keeping JUL's levels in step keeps bridged records cheap.
        // Added before any level is set, so that it hears every one.
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);

        registerConverter(context, "esc", EscapedControls::new);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();

        context.getLogger("io.pairprog").setLevel(Level.INFO);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.glassfish").setLevel(Level.WARN);
        // Both log a request they could not handle with its stack trace and its bytes; the edge answers and
        // logs such requests itself, in one line (io.pairprog.server.edge). Errors still get through.
        context.getLogger("org.glassfish.grizzly.http.server.HttpHandler").setLevel(Level.ERROR);
        context.getLogger("org.glassfish.grizzly.filterchain.DefaultFilterChain").setLevel(Level.ERROR);
        // Jersey warns on every start that resource instances "do not implement any provider interfaces".
        context.getLogger("org.glassfish.jersey.internal.inject.Providers").setLevel(Level.ERROR);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }
}
