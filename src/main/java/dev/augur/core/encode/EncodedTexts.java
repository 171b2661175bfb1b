package dev.augur.core.encode;

/**
 * Vectors for a list of texts, in the order given; {@code truncated} counts texts longer than the model's token
 * limit (cut at the limit), {@code tokens} the real tokens encoded (padding excluded), {@code paddedTokens} the
 * positions the model computed.
 */
public record EncodedTexts(float[][] vectors, int truncated, long tokens, long paddedTokens) {
}
