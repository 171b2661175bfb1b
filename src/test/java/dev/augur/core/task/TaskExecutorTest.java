package dev.augur.core.task;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskExecutorTest {

    @Test
    void aJobReportsProgressRateAndFinishes() throws Exception {
        try (TaskExecutor tasks = new TaskExecutor(2)) {
            CountDownLatch halfway = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            Job<String> job = tasks.submit("count", m -> {
                m.message("counting");
                m.progress(50, 100);
                halfway.countDown();
                resume.await(5, TimeUnit.SECONDS);
                m.progress(100, 100);
                return "done";
            });
            assertThat(halfway.await(5, TimeUnit.SECONDS)).isTrue();
            JobSnapshot mid = job.snapshot();
            assertThat(mid.state()).isEqualTo(JobState.RUNNING);
            assertThat(mid.fraction()).isEqualTo(0.5);
            assertThat(mid.message()).isEqualTo("counting");
            resume.countDown();
            assertThat(job.result().get(5, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(job.snapshot().state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(tasks.jobs()).containsExactly(job);
        }
    }

    @Test
    void cancelStopsAJobAtItsNextSafePoint() throws Exception {
        try (TaskExecutor tasks = new TaskExecutor(1)) {
            CountDownLatch started = new CountDownLatch(1);
            Job<Void> job = tasks.submit("loop", m -> {
                started.countDown();
                while (true) {
                    m.checkCancelled();
                    Thread.sleep(1);
                }
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            job.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> job.result().get(5, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(TaskCancelledException.class);
            assertThat(job.snapshot().state()).isEqualTo(JobState.CANCELLED);
        }
    }

    @Test
    void aFailureIsKeptWithItsCause() {
        try (TaskExecutor tasks = new TaskExecutor(1)) {
            Job<Void> job = tasks.submit("fail", m -> {
                throw new IllegalStateException("u.item is missing");
            });
            assertThrows(ExecutionException.class, () -> job.result().get(5, TimeUnit.SECONDS));
            JobSnapshot s = job.snapshot();
            assertThat(s.state()).isEqualTo(JobState.FAILED);
            assertThat(s.error()).get().extracting(Throwable::getMessage).isEqualTo("u.item is missing");
        }
    }
}
