package io.pairprog.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.Participant;
import io.pairprog.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One scenario of {@code conversation-vectors.json} played against a {@link RoomClient}: a fake transport,
 * scheduler (virtual time), document and listener that record what the client does in each step, as the
 * browser's {@code conversation-replay.js} records it for {@code room-client.js}. The jitter is a
 * constant 0.5, so every backoff delay is exact.
 */
final class Conversation implements Transport, Scheduler, Document, Listener {
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final MessageCodec CODEC = new MessageCodec();

    final RoomClient client;
    private final boolean headless;
    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private List<Object> sent = new ArrayList<>();
    private List<Object> calls = new ArrayList<>();
    private List<Object> timers = new ArrayList<>();
    private List<Object> events = new ArrayList<>();
    private String text = "";
    private Selection selection = Selection.cursor(0);
    private Status status;
    private boolean open;
    private long now;
    private long sequence;

    Conversation(JsonNode scenario) {
        String id = scenario.get("clientId").asText();
        this.headless = scenario.path("headless").asBoolean(false);
        this.client = new RoomClient(n -> n == 0 ? id : id + "-r" + n, scenario.path("user").asText(null),
                scenario.path("readOnly").asBoolean(false), this, this, this, this).jitter(() -> 0.5);
    }

    /** Plays one step and returns what happened in it, in the vector file's form. */
    Map<String, Object> play(JsonNode step) throws ProtocolException {
        Map<String, Object> outcome = new LinkedHashMap<>();
        if (step.has("do")) {
            switch (step.get("do").asText()) {
                case "start" -> client.start();
                case "opened" -> client.opened();
                case "close" -> client.close();
                case "retryNow" -> client.retryNow();
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        } else if (step.has("server")) {
            client.receive(CODEC.decodeServer(step.get("server").toString()));
        } else if (step.has("closed")) {
            open = false;
            client.closed(step.get("closed").get(0).asInt(), step.get("closed").get(1).asText());
        } else if (step.has("edit")) {
            TextOperation op = TextOperation.fromWire(JSON.convertValue(step.get("edit"), List.class));
            text = op.apply(text);
            client.localEdit(op);
        } else if (step.has("select")) {
            List<Selection.Range> ranges = new ArrayList<>();
            step.get("select").forEach(r -> ranges.add(new Selection.Range(r.get("anchor").asInt(), r.get("head").asInt())));
            selection = new Selection(ranges);
            client.localSelectionChanged();
        } else if (step.has("wait")) {
            advance(step.get("wait").asLong());
        } else if (step.has("rename")) {
            client.rename(step.get("rename").asText());
        } else if (step.has("setLanguage")) {
            outcome.put("returned", client.setLanguage(step.get("setLanguage").asText()));
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
        put(outcome, "sent", sent);
        put(outcome, "transport", calls);
        put(outcome, "timers", timers);
        put(outcome, "events", events);
        outcome.put("text", text);
        outcome.put("status", status == null ? null : wire(status));
        sent = new ArrayList<>();
        calls = new ArrayList<>();
        timers = new ArrayList<>();
        events = new ArrayList<>();
        return outcome;
    }

    private static void put(Map<String, Object> outcome, String key, List<Object> list) {
        if (!list.isEmpty()) {
            outcome.put(key, list);
        }
    }

    private void advance(long millis) {
        long until = now + millis;
        for (Timer next = queue.peek(); next != null && next.due <= until; next = queue.peek()) {
            queue.poll();
            now = next.due;
            if (!next.cancelled) {
                next.task.run();
            }
        }
        now = until;
    }

    private static Map<String, Object> wire(Status s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", s.phase().name());
        out.put("revision", s.revision());
        out.put("sync", s.sync().name());
        out.put("retryInMillis", s.retryInMillis());
        Object cause = null;
        if (s.cause() instanceof Status.Dropped d) {
            cause = map("dropped", d.code(), "reason", d.reason());
        } else if (s.cause() instanceof Status.Refused r) {
            cause = map("refused", r.code().name(), "message", r.message());
        }
        out.put("cause", cause);
        return out;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static List<Object> ranges(Selection selection) {
        List<Object> out = new ArrayList<>();
        selection.ranges().forEach(r -> out.add(map("anchor", r.anchor(), "head", r.head())));
        return out;
    }

    // --- Transport ---

    @Override
    public boolean send(ClientMessage message) {
        if (!open) {
            return false;
        }
        sent.add(JSON.convertValue(readTree(CODEC.encode(message)), Object.class));
        return true;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void connect() {
        calls.add("connect");
        open = true;
    }

    @Override
    public void disconnect() {
        calls.add("disconnect");
        open = false;
    }

    // --- Scheduler ---

    @Override
    public Runnable schedule(long delayMillis, Runnable task) {
        timers.add(delayMillis);
        Timer timer = new Timer(now + delayMillis, sequence++, task);
        queue.add(timer);
        return () -> timer.cancelled = true;
    }

    // --- Document ---

    @Override
    public void reset(String newText) {
        text = newText;
    }

    @Override
    public void applyRemote(TextOperation op) {
        text = op.apply(text);
    }

    @Override
    public Selection selection() {
        return headless ? null : selection;
    }

    // --- Listener ---

    @Override
    public void status(Status newStatus) {
        status = newStatus;
    }

    @Override
    public void participants(List<Participant> everyone, String selfId) {
        List<Object> list = new ArrayList<>();
        everyone.forEach(p -> list.add(map("clientId", p.clientId(), "name", p.name(), "color", p.color(), "role", p.role())));
        events.add(map("participants", list, "self", selfId));
    }

    @Override
    public void remoteSelection(String clientId, Selection remote) {
        events.add(map("selection", clientId, "ranges", remote == null ? null : ranges(remote)));
    }

    @Override
    public void language(String language, String byClientId) {
        events.add(map("language", language, "by", byClientId));
    }

    @Override
    public void notice(Notice notice) {
        Map<String, Object> event = map("notice", notice.kind().name(), "code", notice.code() == null ? null : notice.code().name());
        if (notice.code() != null) {
            event.put("message", notice.message()); // the client's own wording (a Java or JS exception) is not compared
        }
        events.add(event);
    }

    @Override
    public void closed(int code, String why) {
        events.add(map("closed", code, "why", why));
    }

    private static final class Timer implements Comparable<Timer> {
        final long due;
        final long sequence;
        final Runnable task;
        boolean cancelled;

        Timer(long due, long sequence, Runnable task) {
            this.due = due;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public int compareTo(Timer o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(sequence, o.sequence);
        }
    }
}
