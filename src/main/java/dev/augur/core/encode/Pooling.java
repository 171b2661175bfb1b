package dev.augur.core.encode;

/** How token vectors become one sentence vector; each model was trained with one of these. */
public enum Pooling {
    /** Average of the token vectors under the attention mask (sentence-transformers MiniLM). */
    MEAN,
    /** The first ([CLS]) token's vector (BGE). */
    CLS
}
