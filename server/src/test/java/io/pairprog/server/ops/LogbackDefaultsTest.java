package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.ContextInitializer;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The configuration Logback gets when the operator gives none, and stepping aside when they do. */
class LogbackDefaultsTest {

    @Test
    void logbackFindsTheDefaultsAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogbackDefaults.class);
    }

    @Test
    void defaultsWriteToTheConsoleAndQuietTheLibrariesInJulToo() {
        java.util.logging.Logger glassfish = java.util.logging.Logger.getLogger("org.glassfish");
        glassfish.setLevel(null); // whatever the test JVM's own logging set
        LoggerContext context = new LoggerContext();
        ExecutionStatus status = configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDOUT")).isNotNull();
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        // Grizzly, Jersey and Tyrus log through JUL: its levels follow, so their records are dropped early.
        assertThat(glassfish.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        context.stop();
    }

    @Test
    void anOperatorsOwnFileIsLeftToLogback() {
        String before = System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY);
        System.setProperty(ContextInitializer.CONFIG_FILE_PROPERTY, "/etc/pairprog/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertThat(configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(ContextInitializer.CONFIG_FILE_PROPERTY);
            } else {
                System.setProperty(ContextInitializer.CONFIG_FILE_PROPERTY, before);
            }
        }
    }

    private static ExecutionStatus configure(LoggerContext context) {
        LogbackDefaults defaults = new LogbackDefaults();
        defaults.setContext(context);
        return defaults.configure(context);
    }
}
