package dev.augur.ui.profiles;

import dev.augur.core.augment.AugmentReport;
import dev.augur.core.augment.Estimate;

import java.util.Locale;

/** What the Generate panel says in words about an estimate and a finished run. */
final class GenerateText {
    private GenerateText() {
    }

    /** "7 items · prompt ≈ 1,234 tokens · output ≈ 2,800 tokens (template maxTokens) · ≈ 2 min 20 s at 20 tokens/s (assumed)". */
    static String describe(Estimate e, double rate, boolean measured) {
        return String.format(Locale.ROOT, "%,d %s · prompt ≈ %,d tokens · output ≈ %,d tokens (%s, %,.0f per item)"
                        + " · ≈ %s at %,.0f output tokens/s (%s)", e.items(), e.items() == 1 ? "entity" : "entities",
                e.promptTokens(), e.outputTokens(), e.outputBasis(), e.outputTokensPerItem(), duration(e.seconds()),
                rate, measured ? "measured in the last run" : "assumed; nothing measured yet, prompt processing not"
                        + " counted");
    }

    private static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "unknown time";
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
                : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** "generated 7, cached 0, failed 0 · 7 LLM calls · 0.4 s · model bench". */
    static String describe(AugmentReport r) {
        return String.format(Locale.ROOT, "generated %,d, cached %,d, failed %,d · %,d LLM calls · %.1f s · %s %s v%d",
                r.generated(), r.cached(), r.failed(), r.llmCalls(), r.seconds(),
                r.model() == null || r.model().isBlank() ? "" : "model " + r.model() + " ·", r.templateId(),
                r.templateVersion());
    }
}
