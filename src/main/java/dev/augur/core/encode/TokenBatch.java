package dev.augur.core.encode;

/** One tokenised batch, padded to its longest text: row-major {@code rows × length} ids, mask and type ids. */
record TokenBatch(int rows, int length, long[] ids, long[] mask, long[] types) {
}
