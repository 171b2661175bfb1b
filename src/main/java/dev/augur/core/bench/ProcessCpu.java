package dev.augur.core.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU seconds used by this process so far, all threads together. On a shared machine a benchmark's wall time
 * depends on what else runs; its CPU time much less, so the rank benchmark reports both.
 */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    /** Process CPU seconds, or NaN where the JVM does not say. */
    public static double seconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }
}
