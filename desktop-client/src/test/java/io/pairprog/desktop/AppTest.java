package io.pairprog.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app started as a person starts it, in a separate JVM. */
class AppTest {

    @Test
    void withoutADisplayItSaysSoInOneLineAndExits() throws Exception {
        Result result = run("-Djava.awt.headless=true");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip().lines()).hasSize(1).first().asString()
                .startsWith("pairprog-desktop: no display available");
        assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aWrongOptionIsAnsweredWithUsageHints() throws Exception {
        Result result = run("-Djava.awt.headless=true", "--colour", "red");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip()).isEqualTo("pairprog-desktop: Unknown options: '--colour', 'red' (see --help)");
    }

    private record Result(int exitCode, String stderr) {
    }

    private static Result run(String jvmOption, String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new java.util.ArrayList<>(List.of(java, jvmOption, "-cp",
                System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), stderr);
    }
}
