package io.pairprog.server.cluster;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.UUID;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Settings of a node among several on one PostgreSQL database (docs/scaling.md), mixed into the server's
 * configuration. None is needed: a node names itself, and others reach it at its listening address.
 */
public final class ClusterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--node-id", defaultValue = "",
            description = "This node's name among the nodes sharing the database; generated when empty (env NODE_ID).")
    String nodeId;

    @Option(names = "--public-url", defaultValue = "",
            description = "Where the other nodes reach this one, e.g. http://10.0.0.5:8000; when empty, this "
                    + "machine's address and the port (env PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--redis-url", defaultValue = "",
            description = "Redis (redis://host:6379) to carry operations and cursors between nodes; when empty, "
                    + "PostgreSQL's LISTEN/NOTIFY does (env REDIS_URL).")
    String redisUrl;

    @Option(names = "--lease-millis", defaultValue = "3000",
            description = "How long a node serves a room without renewing its lease; after a node dies, its rooms "
                    + "move after at most this long (env LEASE_MILLIS).")
    long leaseMillis;

    public void validate() {
        if (leaseMillis < 300 || leaseMillis > 600_000) {
            throw new ParameterException(spec.commandLine(), "--lease-millis: " + leaseMillis
                    + " is out of range (300-600000)", spec.findOption("--lease-millis"), null);
        }
        if (!redisUrl.isBlank() && !redisUrl.matches("rediss?://.+")) {
            throw new ParameterException(spec.commandLine(), "--redis-url: " + redisUrl
                    + " is not a Redis address such as redis://10.0.0.6:6379", spec.findOption("--redis-url"), null);
        }
        if (!publicUrl.isBlank()) {
            URI url;
            try {
                url = URI.create(publicUrl);
            } catch (IllegalArgumentException e) {
                url = null;
            }
            if (url == null || url.getHost() == null || !("http".equals(url.getScheme())
                    || "https".equals(url.getScheme()))) {
                throw new ParameterException(spec.commandLine(), "--public-url: " + publicUrl
                        + " is not an http(s) address such as http://10.0.0.5:8000", spec.findOption("--public-url"),
                        null);
            }
        }
    }

    /** This node's id: the one given, or the host name and a random suffix. */
    public String nodeId() {
        if (nodeId.isBlank()) {
            nodeId = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        return nodeId;
    }

    /** Where other nodes reach this one once it listens on {@code port} of {@code host}. */
    public String publicUrl(String host, int port) {
        if (!publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "");
        }
        String reachable = host;
        if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) {
            try {
                reachable = InetAddress.getLocalHost().getHostAddress();
            } catch (UnknownHostException e) {
                reachable = "127.0.0.1";
            }
        }
        return "http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port;
    }

    /** Redis's address, or empty: the nodes then use PostgreSQL's LISTEN/NOTIFY. */
    public String redisUrl() {
        return redisUrl;
    }

    public long leaseMillis() {
        return leaseMillis;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "");
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
