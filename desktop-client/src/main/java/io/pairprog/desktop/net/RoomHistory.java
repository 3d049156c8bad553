package io.pairprog.desktop.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A room's history over REST: pages of steps ({@code GET /rooms/{id}/history}), the text at a
 * revision ({@code GET /rooms/{id}/revisions/{n}}) and restoring one ({@code POST /rooms/{id}/restore}).
 *
 * <p>A <em>step</em> is a run of consecutive revisions by one client; the text before it is revision
 * {@code fromRevision - 1}, after it {@code toRevision}. A stored revision never changes, so texts
 * are cached (the last {@value #CACHED_TEXTS}); a failed fetch is not, and is asked again next time.
 * Futures complete on HTTP client threads, as {@link RestClient} says.
 */
public final class RoomHistory {

    /** One step; {@code author} and {@code color} are null for seed clients, {@code restoredRevision} for edits. */
    public record Step(long fromRevision, long toRevision, String clientId, String author, String color,
                       Instant startedAt, Instant endedAt, int edits, int inserted, int deleted, Long restoredRevision) {
    }

    /** Steps newest first, up to {@code revision} (the head when asked); {@code nextBefore} pages on, null at revision 1. */
    public record Page(long revision, List<Step> steps, Long nextBefore) {
    }

    /** What a restore did: {@code changed} is false when the text already was that of {@code restoredRevision}. */
    public record Restored(long revision, long restoredRevision, boolean changed) {
    }

    static final int CACHED_TEXTS = 64;

    private final RestClient rest;
    private final String roomId;
    private final Map<Long, CompletableFuture<String>> texts = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<String>> eldest) {
            return size() > CACHED_TEXTS;
        }
    };

    public RoomHistory(RestClient rest, String roomId) {
        this.rest = rest;
        this.roomId = roomId;
    }

    /** Up to {@code limit} steps that end before revision {@code before} (null: the newest ones). */
    public CompletableFuture<Page> page(Long before, int limit) {
        String query = "?limit=" + limit + (before == null ? "" : "&before=" + before);
        return rest.get("read the history of room " + roomId, "/rooms/" + roomId + "/history" + query)
                .thenApply(RoomHistory::page);
    }

    /** The text at {@code revision} (0 is the empty text). */
    public CompletableFuture<String> text(long revision) {
        synchronized (texts) {
            CompletableFuture<String> cached = texts.get(revision);
            if (cached != null && !cached.isCompletedExceptionally()) {
                return cached;
            }
            CompletableFuture<String> text = rest.get("load revision " + revision,
                    "/rooms/" + roomId + "/revisions/" + revision).thenApply(json -> json.path("code").asText());
            texts.put(revision, text);
            return text;
        }
    }

    /** Makes the room's text that of {@code revision} again, as one new revision attributed to {@code name}. */
    public CompletableFuture<Restored> restore(long revision, String name) {
        return rest.post("restore revision " + revision, "/rooms/" + roomId + "/restore",
                        RestClient.object().put("revision", revision).put("name", name))
                .thenApply(json -> new Restored(json.path("revision").asLong(),
                        json.path("restoredRevision").asLong(revision),
                        json.path("changed").asBoolean(true)));
    }

    static Page page(JsonNode json) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : json.path("steps")) {
            steps.add(new Step(s.path("fromRevision").asLong(), s.path("toRevision").asLong(),
                    s.path("clientId").asText(""), s.path("author").asText(null),
                    s.path("color").asText(null), instant(s.path("startedAt")),
                    instant(s.path("endedAt")), s.path("edits").asInt(), s.path("inserted").asInt(),
                    s.path("deleted").asInt(), optionalLong(s.path("restoredRevision"))));
        }
        return new Page(json.path("revision").asLong(), List.copyOf(steps),
                optionalLong(json.path("nextBefore")));
    }

    private static Long optionalLong(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }

    /** An ISO-8601 time, as the server writes them; null when absent or unreadable (the step is still usable). */
    static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
