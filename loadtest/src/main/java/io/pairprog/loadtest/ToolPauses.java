package io.pairprog.loadtest;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage-collection pauses of the tool's own JVM from creation to {@link #close}. The tool times
 * an edit from its own clock, so a pause of the tool delays every edit it is timing exactly as a pause
 * of the server would: a slow edit during one says nothing about the server. Each collection counts
 * whole, as on the stop-the-world collectors a JVM on one core uses; a concurrent collector's cycles
 * would be overstated as pauses.
 */
final class ToolPauses implements AutoCloseable {
    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final List<Stall> pauses = new ArrayList<>();
    private final List<Runnable> removals = new ArrayList<>();

    ToolPauses() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                NotificationListener listener = (notification, handback) -> record(notification);
                emitter.addNotificationListener(listener, null, null);
                removals.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException e) {
                        throw new IllegalStateException("a listener this object added is gone", e);
                    }
                });
            }
        }
    }

    private void record(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GcInfo gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        synchronized (pauses) {
            pauses.add(new Stall(jvmStartMillis + gc.getStartTime(), gc.getDuration()));
        }
    }

    /** The pauses so far, oldest first. */
    List<Stall> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    @Override
    public void close() {
        removals.forEach(Runnable::run);
    }
}
