package io.pairprog.server.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pairprog.server.Managed;
import io.pairprog.server.fanout.BusFanOut;
import io.pairprog.server.fanout.FanOut;
import io.pairprog.server.fanout.RoomFeeds;
import io.pairprog.server.room.RoomObserver;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.ws.WebSockets;

/**
 * Everything {@code GET /metrics} shows: the rooms' own meters ({@link RoomMetrics}), gauges read at
 * scrape time, and the JVM's memory, GC, threads and CPU. One registry per server, not Micrometer's
 * global one, so servers started side by side in one JVM (the tests) do not mix their numbers.
 */
public final class ServerMetrics implements Managed {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RoomMetrics rooms = new RoomMetrics(registry);
    private JvmGcMetrics gc;

    /** What {@link io.pairprog.server.room.GroupCommit} reports to. */
    public RoomObserver roomObserver() {
        return rooms;
    }

    /** Gauges over live state; they hold strong references, so they live as long as the server. */
    public void watch(WebSockets webSockets, RoomRegistry roomRegistry) {
        Gauge.builder("pairprog.websocket.connections", webSockets, WebSockets::openConnections)
                .description("Open WebSocket connections").strongReference(true).register(registry);
        Gauge.builder("pairprog.websocket.forwarded", webSockets, WebSockets::forwardedConnections)
                .description("WebSocket connections carried on to the node that serves their room")
                .strongReference(true).register(registry);
        Gauge.builder("pairprog.rooms.loaded", roomRegistry, RoomRegistry::size)
                .description("Rooms held in memory: those with connections or unstored edits")
                .strongReference(true).register(registry);
    }

    /** Fan-out between nodes (docs/scaling.md); only on nodes that may share their database. */
    public void watch(FanOut fanOut) {
        RoomFeeds feeds = fanOut.feeds();
        FunctionCounter.builder("pairprog.fanout.published", fanOut.rooms(), BusFanOut::published)
                .description("Operations and cursors published on the bus for clients on other nodes")
                .register(registry);
        FunctionCounter.builder("pairprog.fanout.received", feeds, RoomFeeds::received)
                .description("Messages received from the bus for clients forwarded from this node").register(registry);
        FunctionCounter.builder("pairprog.fanout.log.reads", feeds, RoomFeeds::readsFromLog)
                .description("Reads of the operation log to fill a gap the bus left").register(registry);
        Gauge.builder("pairprog.fanout.rooms", feeds, RoomFeeds::rooms)
                .description("Rooms fed from the bus on this node").strongReference(true).register(registry);
        Gauge.builder("pairprog.fanout.bus.connected", fanOut.bus(), bus -> bus.connected() ? 1 : 0)
                .description("1 while the bus between nodes is reachable").strongReference(true).register(registry);
    }

    @Override
    public void start() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc = new JvmGcMetrics(); // listens to GC notifications until closed
        gc.bindTo(registry);
    }

    @Override
    public void stop() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }
}
