package dev.augur.core.dataset;

/**
 * One bad spot in an input: file, 1-based line (0 when it concerns the whole file), field (may be empty) and reason.
 */
public record ImportProblem(String file, long line, String field, String reason) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            sb.append(", field '").append(field).append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }
}
