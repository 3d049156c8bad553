package io.pairprog.loadtest;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Server start to first answered request: starts the server command, polls {@code POST /rooms/} every
 * few milliseconds until it answers 200, then stops the server with SIGTERM. {@code {tmp}} in the
 * command becomes a fresh directory each time, so the embedded database is created and migrated anew.
 */
final class StartupRun {
    record Plan(URI url, List<String> command, int runs, double timeoutSeconds) {
    }

    record Result(Plan plan, Percentiles startToFirstAnswer, List<Double> runsMillis) {
    }

    private final Plan plan;

    StartupRun(Plan plan) {
        this.plan = plan;
    }

    Result run() throws Exception {
        Target.requireLoopback(plan.url());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest create = HttpRequest.newBuilder(plan.url().resolve("/rooms/")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        LongList micros = new LongList();
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < plan.runs(); i++) {
            Path tmp = Files.createTempDirectory("pairprog-startup");
            List<String> command = plan.command().stream().map(a -> a.replace("{tmp}", tmp.toString())).toList();
            long start = System.nanoTime();
            Process server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("server.log").toFile()).start();
            try {
                long elapsed = awaitFirstAnswer(http, create, server, start, tmp.resolve("server.log").toFile());
                micros.add(elapsed / 1000);
                runs.add(elapsed / 1e6);
            } finally {
                server.destroy();
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
        }
        return new Result(plan, Percentiles.of(micros), runs);
    }

    private long awaitFirstAnswer(HttpClient http, HttpRequest create, Process server, long start, File log)
            throws IOException, InterruptedException {
        long deadline = start + (long) (plan.timeoutSeconds() * 1e9);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("server exited with " + server.exitValue() + "; see " + log);
            }
            try {
                if (http.send(create, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime() - start;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(2);
        }
        throw new IOException("no answer from " + plan.url() + " within " + plan.timeoutSeconds() + " s; see " + log);
    }
}
