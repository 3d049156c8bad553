package io.pairprog.server.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** HAProxy with the repository's {@code deploy/haproxy.cfg} in front of three {@link Nodes}, as operators run it. */
public final class Balancer implements AutoCloseable {
    private static final Path CONFIG = Path.of("..", "deploy", "haproxy.cfg");
    private final Process process;
    private final int port;
    private final Path log;

    private Balancer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Skips the calling test when HAProxy is not installed (.ci/run installs it). */
    public static Balancer inFrontOf(Nodes nodes) throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ports.add(nodes.node(i).port());
        }
        return inFrontOf(ports);
    }

    /** The same in front of the three nodes listening on {@code ports} of 127.0.0.1 (in-process ones, say). */
    public static Balancer inFrontOf(List<Integer> ports) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")),
                "balancer test skipped: haproxy is not installed (apt-get install haproxy)");
        int port = ServerProcess.freePort();
        Path log = Files.createTempFile("haproxy-", ".log");
        ProcessBuilder builder = new ProcessBuilder("/usr/sbin/haproxy", "-f", CONFIG.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PAIRPROG_LB_BIND", "127.0.0.1:" + port);
        for (int i = 0; i < 3; i++) {
            builder.environment().put("PAIRPROG_NODE" + (i + 1), "127.0.0.1:" + ports.get(i));
        }
        Balancer balancer = new Balancer(builder.start(), port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!balancer.listening()) {
            if (System.nanoTime() > deadline || !balancer.process.isAlive()) {
                balancer.close();
                throw new AssertionError("haproxy did not start:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        Thread.sleep(1_500); // its first health checks
        return balancer;
    }

    private boolean listening() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
