package dev.augur.core.dataset;

/** What an import does with a bad line: stop and leave the workspace untouched, or skip it and report. */
public enum OnError {
    ABORT, SKIP
}
