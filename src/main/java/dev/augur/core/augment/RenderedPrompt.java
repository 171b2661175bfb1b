package dev.augur.core.augment;

/** A template rendered for one entity: the system message (instructions only) and the user message. */
public record RenderedPrompt(String system, String user) {

    /** Characters / 4: a rough token count that needs no tokenizer (English text averages about 4 characters a token). */
    public int estimatedTokens() {
        return (system.length() + user.length() + 3) / 4;
    }
}
