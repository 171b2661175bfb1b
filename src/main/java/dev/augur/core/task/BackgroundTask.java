package dev.augur.core.task;

/** A unit of background work, free of any UI toolkit: the UI and the CLI adapt it. */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(TaskMonitor monitor) throws Exception;
}
