package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image that {@code mvn -Pimage package} builds with Jib: a Docker-format tar with the server, its
 * Java runtime and the right entrypoint, which really starts and serves against PostgreSQL. No Docker
 * daemon is needed for that either: the layers are unpacked into a folder and the entrypoint runs there
 * under chroot, with /proc, /dev and /etc/hosts mounted as a container runtime would.
 */
class ContainerImageIT {
    @TempDir
    Path dir;

    @Test
    void imageTarHoldsTheServerAndItsRuntimeAndStartsAgainstPostgres() throws Exception {
        String tarProperty = System.getProperty("pairprog.imageTar");
        assumeTrue(tarProperty != null, "container image test skipped: build with -Pimage (mvn -Pimage verify)");
        Path tar = Path.of(tarProperty);
        assertThat(tar).as("the image tar Jib builds").exists();

        Path image = Files.createDirectories(dir.resolve("image"));
        run("tar", "-xf", tar.toString(), "-C", image.toString());
        JsonNode manifest = TestServer.json(Files.readString(image.resolve("manifest.json"))).get(0);
        assertThat(manifest.get("RepoTags").get(0).asText()).startsWith("pairprog-server:");
        JsonNode config = TestServer.json(Files.readString(image.resolve(manifest.get("Config").asText()))).get("config");
        List<String> entrypoint = strings(config.get("Entrypoint"));
        assertThat(entrypoint).startsWith("java").endsWith("io.pairprog.server.Main");
        assertThat(config.get("User").asText()).isEqualTo("65532:65532");
        assertThat(config.get("ExposedPorts").has("8000/tcp")).isTrue();
        List<String> env = strings(config.get("Env"));
        assertThat(env).contains("DATA_DIR=/data").anyMatch(e -> e.startsWith("PATH=/opt/java/bin"));

        // Unpack the layers in order, as a container runtime does.
        Path root = Files.createDirectories(dir.resolve("root"));
        for (JsonNode layer : manifest.get("Layers")) {
            run("tar", "--warning=no-unknown-keyword", "-xzf", image.resolve(layer.asText()).toString(), "-C", root.toString());
        }
        assertThat(root.resolve("opt/java/bin/java")).isExecutable();
        assertThat(root.resolve("lib64/ld-linux-x86-64.so.2")).exists();
        assertThat(root.resolve("app/classes/io/pairprog/server/Main.class")).exists();
        assertThat(root.resolve("app/jib-classpath-file")).exists();
        try (var libs = Files.list(root.resolve("app/libs"))) {
            assertThat(libs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("web-"))
                    .anyMatch(n -> n.startsWith("postgresql-")).anyMatch(n -> n.startsWith("swagger-ui-"));
        }

        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))
                && Files.isExecutable(Path.of("/usr/sbin/chroot")),
                "running the image skipped: needs root, unshare and chroot (its contents were checked)");
        startAndServe(root, entrypoint, env);
    }

    private void startAndServe(Path root, List<String> entrypoint, List<String> env) throws Exception {
        for (String mountPoint : new String[] {"proc", "dev"}) {
            Files.createDirectories(root.resolve(mountPoint));
        }
        Files.writeString(root.resolve("etc/hosts"), "");
        Files.writeString(root.resolve("etc/resolv.conf"), "");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("env", "-i"));
        command.addAll(env);
        command.addAll(List.of("/usr/sbin/chroot", "--userspec=65532:65532", "."));
        command.add("/opt/java/bin/java"); // the entrypoint's "java", found through the image's PATH
        command.addAll(entrypoint.subList(1, entrypoint.size()));
        command.addAll(List.of("--port", String.valueOf(port), "--database-url", TestDatabases.postgresUrl()));
        // A private mount namespace: the mounts vanish with the process; --kill-child stops the server if
        // unshare itself is killed.
        String script = "mount -t proc proc proc && mount --rbind /dev dev && mount --bind /etc/hosts etc/hosts"
                + " && mount --bind /etc/resolv.conf etc/resolv.conf && exec \"$@\"";
        List<String> unshare = new ArrayList<>(List.of("unshare", "--mount", "--kill-child=SIGTERM", "sh", "-c", script, "sh"));
        unshare.addAll(command);
        Path log = dir.resolve("container.log");
        Process container = new ProcessBuilder(unshare).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, container, log);
            String created = TestServer.send(HttpRequest.newBuilder(URI.create(base + "/rooms/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).body();
            assertThat(TestServer.json(created).get("roomId").asText()).isNotBlank();
            assertThat(TestServer.send(HttpRequest.newBuilder(URI.create(base + "/docs/")).build()).statusCode())
                    .isEqualTo(200);
            // SIGTERM to the server itself, as "docker stop" sends it (unshare ignores SIGTERM while it waits).
            container.descendants().forEach(ProcessHandle::destroy);
            assertThat(container.waitFor(20, TimeUnit.SECONDS)).isTrue();
            awaitLog(log, "stopped");
        } finally {
            container.destroyForcibly();
        }
    }

    private static void awaitReady(String base, Process container, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && container.isAlive()) {
            try {
                if (TestServer.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build()).statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the image did not become ready:\n" + Files.readString(log));
    }

    private static void awaitLog(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(log).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in the log:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
