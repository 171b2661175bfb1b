package dev.augur.ui.review;

import dev.augur.core.store.WorkspaceException;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A decision SQLite refused as busy runs again; any other failure reaches the analyst at once. */
class DecisionQueueTest {
    @Test
    void aBusyRefusalIsRetriedAndOtherFailuresAreNot() {
        AtomicInteger calls = new AtomicInteger();
        String done = DecisionQueue.withRetry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new WorkspaceException("failed recording a review decision in w.augur: [SQLITE_BUSY] The"
                        + " database file is locked (database is locked)", null);
            }
            return "saved";
        });
        assertThat(done).isEqualTo("saved");
        assertThat(calls).hasValue(3);

        calls.set(0);
        assertThatThrownBy(() -> DecisionQueue.withRetry(() -> {
            calls.incrementAndGet();
            throw new WorkspaceException("no interaction 7 in w.augur", null);
        })).hasMessageContaining("no interaction 7");
        assertThat(calls).hasValue(1);
    }
}
