package dev.augur.core.encode;

/**
 * What an encoding run did. {@code encoded}: texts encoded in this run; {@code skipped}: unchanged since an earlier
 * run (same entity, field, encoder and text hash); {@code empty}: entities with no text; {@code truncated}: texts cut
 * at the model's token limit; {@code pooled}: per-item and per-user review vectors (re)computed.
 */
public record EncodeReport(String dataset, String target, String kind, String field, String model, String device,
                           String deviceReason, long total, long encoded, long skipped, long empty, long truncated,
                           long pooled, long tokens, double seconds, double encodeSeconds) {

    /** Texts encoded per second of this run (0 when nothing needed encoding). */
    public double perSecond() {
        return encoded == 0 || encodeSeconds <= 0 ? 0 : encoded / encodeSeconds;
    }
}
