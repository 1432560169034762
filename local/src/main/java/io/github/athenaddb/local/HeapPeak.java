package io.github.athenaddb.local;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The most heap in use at any one time during a run. Heap fills between collections, so its peak
 * is the heap pools' usage summed just before some collection (each collection reports it), or at
 * the end of the run. Summing each pool's own peak instead adds eden's fullest moment to the old
 * generation's, which come at different times: under {@code -Xmx256m} that sum read 263 MiB.
 */
final class HeapPeak
        implements AutoCloseable
{
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private final List<NotificationEmitter> emitters;

    private HeapPeak()
    {
        this.emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
    }

    /** Starts watching from the heap in use now. */
    static HeapPeak start()
    {
        HeapPeak heap = new HeapPeak();
        heap.emitters.forEach(e -> e.addNotificationListener(heap.listener, null, null));
        heap.peak.set(heap.inUse());
        return heap;
    }

    /** The peak since {@link #start}, the heap in use now included. */
    long bytes()
    {
        return peak.accumulateAndGet(inUse(), Math::max);
    }

    private void collected(Notification notification, Object handback)
    {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        Map<String, MemoryUsage> before = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                .getGcInfo().getMemoryUsageBeforeGc();
        long used = before.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        peak.accumulateAndGet(used, Math::max);
    }

    private long inUse()
    {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close()
    {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            }
            catch (ListenerNotFoundException e) {
                // never added: nothing to remove
            }
        }
    }
}
