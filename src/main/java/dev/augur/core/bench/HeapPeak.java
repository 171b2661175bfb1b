package dev.augur.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use between {@link #reset()} and {@link #peakBytes()}: the sum of each heap pool's peak, an
 * upper bound on the true peak (pools peak at different moments).
 */
public final class HeapPeak {
    private HeapPeak() {
    }

    public static void reset() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    public static long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
