package dev.augur.core.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What a synthetic-interaction run has done so far (see {@link SynthReport}), updated by its worker threads. */
final class SynthTally {
    final AtomicLong created = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong cached = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong invalid = new AtomicLong();
    final AtomicLong prompts = new AtomicLong();
    private final List<String> problems = new ArrayList<>();

    /** Notes a reason for people; only the first {@value SynthReport#MAX_PROBLEMS} are kept. */
    void problem(String p) {
        synchronized (problems) {
            if (problems.size() < SynthReport.MAX_PROBLEMS) {
                problems.add(p);
            }
        }
    }

    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}
