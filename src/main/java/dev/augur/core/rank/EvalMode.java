package dev.augur.core.rank;

/**
 * Full ranking (every item, the user's training items excluded) or sampled negatives (each test item ranked
 * against {@code negatives} random items the user never interacted with). Sampled numbers are not comparable to
 * full-ranking ones and are labelled as such wherever they appear.
 */
public record EvalMode(int negatives) {
    public static final EvalMode FULL = new EvalMode(0);

    public EvalMode {
        if (negatives < 0) {
            throw new IllegalArgumentException("negatives must be ≥ 0");
        }
    }

    public boolean sampled() {
        return negatives > 0;
    }

    public String text() {
        return sampled() ? "sampled:" + negatives : "full";
    }

    public String describe() {
        return sampled() ? "SAMPLED: each test item ranked against " + negatives + " random negatives"
                : "full ranking over all items, training items excluded";
    }

    public static EvalMode parse(String text) {
        String t = text.trim();
        if (t.equals("full")) {
            return FULL;
        }
        if (t.startsWith("sampled:")) {
            return new EvalMode(Integer.parseInt(t.substring("sampled:".length())));
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; use full or sampled:100");
    }
}
