package dev.augur.core.augment;

/**
 * A token bucket of {@code rate} tokens a second holding at most one token, so calls are spaced evenly (no burst
 * that a server would answer with 429s): {@link #acquire} takes one, waiting until it is there. Waiters reserve in
 * arrival order (the balance may go negative), so none starves.
 */
final class TokenBucket {
    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    /** @param rate tokens a second; 0 or less means unlimited */
    TokenBucket(double rate) {
        this.rate = rate;
        this.burst = 1;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    void acquire() throws InterruptedException {
        if (rate <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / rate * 1e9);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
