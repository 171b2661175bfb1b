package dev.augur.core.synth;

import java.util.Locale;

/**
 * The values a dataset's observed interactions take, so that the model's answer becomes a value of the same kind:
 * implicit feedback (every value the same) gets label 1 for "would interact"; ratings get the model's 1-5 rating,
 * mapped linearly onto the observed range when that is not within 0.5..5. "Would not interact" is label 0.
 */
record RatingScale(boolean implicit, double min, double max) {

    static RatingScale of(float[] values) {
        if (values.length == 0) {
            return new RatingScale(true, 1, 1);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new RatingScale(lo == hi, lo, hi);
    }

    /** The stored value of a "would interact" answer with {@code rating} 1..5. */
    double interacted(int rating) {
        if (implicit) {
            return 1;
        }
        if (min >= 0.5 && max <= 5) {
            return rating;
        }
        return min + (rating - 1) / 4.0 * (max - min);
    }

    /** The stored value of a "would not interact" answer. */
    double notInteracted() {
        return 0;
    }

    /** The line the prompt shows about ratings. */
    String describe() {
        if (implicit) {
            return "none (implicit feedback: only whether the user interacted counts; give a rating anyway, it is"
                    + " not used)";
        }
        return String.format(Locale.ROOT, "observed values range from %s to %s", number(min), number(max));
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
