package io.pairprog.server.edge;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which names this server answers to, in the {@code Host} header of every request and WebSocket handshake;
 * a guard against DNS rebinding, where a page on {@code http://evil.example:8000} makes its own name resolve
 * to this server and then reads it as "same origin". As in Vite and webpack-dev-server: IP literals,
 * {@code localhost} and {@code *.localhost} are always allowed (no page can rebind them); other names only
 * when listed: {@code pair.example.com} exactly, {@code .example.com} for it and every subdomain, or
 * {@code *} for any name.
 */
public final class AllowedHosts {
    /** A DNS name, an IPv4 address or a bracketed IPv6 address, then an optional port. */
    private static final Pattern HOST = Pattern.compile("(?<name>[A-Za-z0-9_.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:\\d{1,5})?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final List<String> listed;
    private final boolean any;

    /** @param listed names from {@code --allowed-hosts}; blanks are ignored, {@code *} allows every name */
    public AllowedHosts(List<String> listed) {
        this.listed = listed.stream().map(AllowedHosts::normalize).filter(h -> !h.isEmpty()).toList();
        this.any = this.listed.contains("*");
    }

    /** What a {@code Host} header says, once checked. */
    enum Verdict { ALLOWED, MALFORMED, NOT_ALLOWED }

    Verdict check(String hostHeader) {
        var matcher = HOST.matcher(hostHeader == null ? "" : hostHeader);
        if (!matcher.matches()) {
            return Verdict.MALFORMED;
        }
        String name = normalize(matcher.group("name"));
        if (name.startsWith("[") || IPV4.matcher(name).matches() || name.equals("localhost")
                || name.endsWith(".localhost") || any) {
            return Verdict.ALLOWED;
        }
        for (String entry : listed) {
            if (name.equals(entry) || entry.startsWith(".") && (name.endsWith(entry) || name.equals(entry.substring(1)))) {
                return Verdict.ALLOWED;
            }
        }
        return Verdict.NOT_ALLOWED;
    }

    /** The host part of a valid {@code Host} header, for messages; {@code host:port} without the port. */
    static String name(String hostHeader) {
        var matcher = HOST.matcher(hostHeader);
        return matcher.matches() ? normalize(matcher.group("name")) : "";
    }

    /** Lower case, without the root's trailing dot; {@code *.example.com} is read as {@code .example.com}. */
    private static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        return h.startsWith("*.") ? h.substring(1) : h;
    }
}
