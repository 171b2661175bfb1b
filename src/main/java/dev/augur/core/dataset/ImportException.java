package dev.augur.core.dataset;

/** An import stopped on bad input; nothing was written. The message names file, line, field and reason. */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ImportProblem problem;

    public ImportException(ImportProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public ImportException(ImportProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    public ImportProblem problem() {
        return problem;
    }
}
