package dev.augur.core.encode;

/**
 * One bundled sentence encoder: where its ONNX graph and tokenizer live on the class path (inside the weight
 * jars, so nothing is ever downloaded), how it pools, and what a user needs to know before shipping its vectors.
 *
 * @param id          short name used on the command line and in the workspace ({@code minilm}, {@code bge-small-q})
 * @param maxTokens   the model's position limit; longer inputs are truncated and counted
 * @param sizeBytes   size of the ONNX file
 * @param quantized   int8 weights (dynamic quantisation: results depend slightly on batching)
 */
public record EncoderModel(String id, String name, int dims, Pooling pooling, int maxTokens, boolean quantized,
                           String onnxResource, String tokenizerResource, long sizeBytes, String licence,
                           String origin) {

    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s (%s, %d dims, %s pooling, %s, %.0f MB, %s)", id, name, dims,
                pooling.name().toLowerCase(java.util.Locale.ROOT), quantized ? "int8" : "fp32", sizeBytes / 1e6, licence);
    }
}
