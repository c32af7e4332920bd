package org.supportdesk.bootstrap;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What a child JVM spends, read from outside it: its collections and their time, and the bytes its threads allocated
 * on the heap (the GC and {@code com.sun.management.ThreadMXBean} MXBeans, through the local management agent the
 * attach API starts in it, so nothing listens on a port), and its resident memory from {@code /proc} (Linux).
 */
final class JvmProbe implements AutoCloseable {
    private final long pid;
    private final JMXConnector connector;
    private final MBeanServerConnection beans;

    private JvmProbe(long pid, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.connector = connector;
        this.beans = connector.getMBeanServerConnection();
    }

    static JvmProbe attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                String address = vm.startLocalManagementAgent();
                return new JvmProbe(pid, JMXConnectorFactory.connect(new JMXServiceURL(address)));
            } finally {
                vm.detach();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot attach to the JVM " + pid, e);
        }
    }

    /** Collections, their time and allocation so far; two of them subtract to what a span of load cost. */
    Use use() {
        try {
            long collections = 0;
            long millis = 0;
            for (GarbageCollectorMXBean collector :
                    ManagementFactory.getPlatformMXBeans(beans, GarbageCollectorMXBean.class)) {
                collections += collector.getCollectionCount();
                millis += collector.getCollectionTime();
            }
            com.sun.management.ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(
                    beans, ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
            return new Use(collections, millis, threads.getTotalThreadAllocatedBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the JVM " + pid, e);
        }
    }

    /** Resident memory now and at its peak, in bytes ({@code VmRSS}, {@code VmHWM}). */
    Memory memory() {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line);
                }
            }
            return new Memory(rss, peak);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of " + pid, e);
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException ignored) {
            // the JVM is gone already
        }
    }

    /** Garbage collections, their total time and the bytes allocated on the heap. */
    record Use(long collections, long collectionMillis, long allocatedBytes) {
        static final Use NONE = new Use(0, 0, 0);

        Use plus(Use other) {
            return new Use(
                    collections + other.collections,
                    collectionMillis + other.collectionMillis,
                    allocatedBytes + other.allocatedBytes);
        }

        Use minus(Use earlier) {
            return new Use(
                    collections - earlier.collections,
                    collectionMillis - earlier.collectionMillis,
                    allocatedBytes - earlier.allocatedBytes);
        }
    }

    record Memory(long residentBytes, long peakResidentBytes) {}
}
