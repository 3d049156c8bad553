package io.pairprog.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shaded server jar run as users run it: a separate JVM that a test can stop or kill. */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");

    private final List<String> command;
    private final Path log;
    private Process process;
    private int port;

    /** Prepares a server with these options; {@link #start()} runs it. */
    public ServerProcess(String... options) throws IOException {
        this(List.of(), options);
    }

    /** The same, with options for the JVM itself (a heap size, say). */
    public ServerProcess(List<String> jvmOptions, String... options) throws IOException {
        Path jar = Path.of(System.getProperty("pairprog.serverJar", "target/pairprog-server.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no server jar at " + jar + "; run the integration tests with mvn verify");
        }
        this.log = Files.createTempFile("pairprog-server-", ".log");
        this.command = new ArrayList<>(List.of("java"));
        this.command.addAll(jvmOptions);
        this.command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1"));
        this.command.addAll(List.of(options));
    }

    /** A port that was free a moment ago, for a server that must come back on the same address. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public ServerProcess start() throws Exception {
        Files.writeString(log, "");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return this;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server did not start:\n" + Files.readString(log));
    }

    public int port() {
        return port;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGSTOP: the process stops dead, as in a long GC pause or a frozen VM; {@link #resume()} continues it. */
    public void pause() throws Exception {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() throws Exception {
        signal("CONT");
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** SIGKILL: no shutdown hook, no flush, like a crash or the OOM killer. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM, waiting for the graceful shutdown; true if it ended in time. */
    public boolean terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
