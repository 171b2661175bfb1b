package dev.augur.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An immutable view of a job at one moment, safe to hand to another thread (the UI polls these).
 *
 * @param ratePerSecond units per second since the job started, 0 until known
 * @param eta           remaining time at the current rate, empty when unknown
 */
public record JobSnapshot(long id, String name, JobState state, long done, long total, String message,
                          Instant started, Duration elapsed, double ratePerSecond, Optional<Duration> eta,
                          Optional<Throwable> error) {

    /** Fraction done in [0, 1], or -1 when the total is unknown (an indeterminate progress bar). */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }
}
