package io.pairprog.server.support;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of a test's own (Debian's {@code redis-server}, which {@code .ci/run} installs), on a port
 * of its own, so that the test can kill it and start it again without touching the machine's Redis.
 */
public final class RedisProcess implements AutoCloseable {
    private final int port;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
    }

    public static RedisProcess start() throws Exception {
        RedisProcess redis = new RedisProcess(ServerProcess.freePort());
        redis.restart();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it (again) on the same port, keeping nothing on disk, and waits until it answers. */
    public void restart() throws Exception {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("redis-server did not start on port " + port);
    }

    /** SIGKILL: every connection to it drops, and what it held is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Closes the connections of one kind ({@code pubsub}, {@code normal}) as an operator or a failure would. */
    public void killClients(String type) throws Exception {
        Process cli = new ProcessBuilder(List.of("redis-cli", "-p", Integer.toString(port), "CLIENT", "KILL", "TYPE",
                type)).redirectErrorStream(true).start();
        if (!cli.waitFor(10, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new AssertionError("redis-cli failed: " + new String(cli.getInputStream().readAllBytes()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }
}
