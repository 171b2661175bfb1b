package dev.augur.core.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny, valid GGUF v3 model of the llama architecture (F32, 1 block, 64-dim, 4 heads, feed-forward 128,
 * context 4096) with a SentencePiece-style ("llama") vocabulary of about 380 tokens: the control tokens, the 256 byte
 * tokens, JSON punctuation, digits, letters and some short words. About 360 KB; llama.cpp loads it in milliseconds.
 *
 * <p>The weights are random (seeded, so the file is the same every time), with one deliberate tilt: every token
 * embedding carries a constant in dimension 0, and the output row of a few tokens reads that dimension. This gives a
 * context-free logit bias: the closing quote is likely (so grammar-constrained JSON strings end after a few tokens
 * instead of hundreds), end-of-sequence is likely once the grammar allows it, and the byte-fallback tokens are rare.
 * The text itself is still gibberish.
 */
public final class TinyGguf {

    static final int N_EMBD = 64;
    static final int N_HEAD = 4;
    static final int N_FF = 128;
    /** Trained context in the metadata; RoPE has no position table, so a longer one costs no file size. */
    static final int N_CTX = 4096;
    static final int ALIGNMENT = 32;

    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int TYPE_BOOL = 7;
    private static final int GGML_TYPE_F32 = 0;

    private static final int TOKEN_NORMAL = 1;
    private static final int TOKEN_UNKNOWN = 2;
    private static final int TOKEN_CONTROL = 3;
    private static final int TOKEN_BYTE = 6;

    private TinyGguf() {
    }

    /** Writes the model to {@code file} and returns it. */
    public static Path write(Path file) throws IOException {
        return write(file, null);
    }

    /** As {@link #write(Path)}, with {@code tokenizer.chat_template} set when {@code chatTemplate} is not null. */
    static Path write(Path file, String chatTemplate) throws IOException {
        List<String> tokens = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        add(tokens, scores, types, "<unk>", 0, TOKEN_UNKNOWN);
        add(tokens, scores, types, "<s>", 0, TOKEN_CONTROL);
        add(tokens, scores, types, "</s>", 0, TOKEN_CONTROL);
        for (int b = 0; b < 256; b++) {
            add(tokens, scores, types, String.format("<0x%02X>", b), 0, TOKEN_BYTE);
        }
        String singles = "{}[]\":,.-_'!?()/\\0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        add(tokens, scores, types, "\u2581", -1, TOKEN_NORMAL);
        for (char c : singles.toCharArray()) {
            add(tokens, scores, types, String.valueOf(c), -1, TOKEN_NORMAL);
        }
        String[] words = {"the", "a", "of", "and", "to", "in", "is", "it", "for", "on", "with", "as", "this", "that",
                "summary", "tags", "movie", "book", "user", "item", "good", "great", "love", "fun", "drama", "comedy",
                "System", "User", "Assistant", "true", "false", "null", "json", "likes", "genre", "story"};
        for (String w : words) {
            add(tokens, scores, types, w, w.length(), TOKEN_NORMAL);
            add(tokens, scores, types, "\u2581" + w, w.length() + 1, TOKEN_NORMAL);
        }
        add(tokens, scores, types, "###", 3, TOKEN_NORMAL);
        add(tokens, scores, types, "\u2581###", 4, TOKEN_NORMAL);
        int nVocab = tokens.size();
        int quote = tokens.indexOf("\"");
        int eos = 2;

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("general.architecture", "llama");
        meta.put("general.name", "augur-tiny-test");
        meta.put("general.alignment", new U32(ALIGNMENT));
        meta.put("llama.context_length", new U32(N_CTX));
        meta.put("llama.embedding_length", new U32(N_EMBD));
        meta.put("llama.block_count", new U32(1));
        meta.put("llama.feed_forward_length", new U32(N_FF));
        meta.put("llama.attention.head_count", new U32(N_HEAD));
        meta.put("llama.attention.head_count_kv", new U32(N_HEAD));
        meta.put("llama.rope.dimension_count", new U32(N_EMBD / N_HEAD));
        meta.put("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        meta.put("tokenizer.ggml.model", "llama");
        meta.put("tokenizer.ggml.tokens", tokens);
        meta.put("tokenizer.ggml.scores", new FloatArray(scores));
        meta.put("tokenizer.ggml.token_type", new IntArray(types));
        meta.put("tokenizer.ggml.bos_token_id", new U32(1));
        meta.put("tokenizer.ggml.eos_token_id", new U32(eos));
        meta.put("tokenizer.ggml.unknown_token_id", new U32(0));
        meta.put("tokenizer.ggml.add_bos_token", Boolean.TRUE);
        meta.put("tokenizer.ggml.add_eos_token", Boolean.FALSE);
        if (chatTemplate != null) {
            meta.put("tokenizer.chat_template", chatTemplate);
        }

        Random rnd = new Random(20240611L);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        float[] embd = gaussian(rnd, N_EMBD * nVocab, 0.1f);
        for (int t = 0; t < nVocab; t++) {
            embd[t * N_EMBD] = 1.0f; // the constant the output biases read (see class comment)
        }
        tensors.put("token_embd.weight", new Tensor(new long[]{N_EMBD, nVocab}, embd));
        tensors.put("output_norm.weight", new Tensor(new long[]{N_EMBD}, ones(N_EMBD)));
        float[] out = gaussian(rnd, N_EMBD * nVocab, 0.3f);
        for (int t = 0; t < nVocab; t++) {
            float bias = 0f;
            if (t == quote) {
                bias = 5.0f;
            } else if (t == eos) {
                bias = 6.0f;
            } else if (types.get(t) != TOKEN_NORMAL) {
                bias = -4.0f;
            }
            out[t * N_EMBD] = bias / 6.3f; // dimension 0 is about 6.3 after the RMS norm
        }
        tensors.put("output.weight", new Tensor(new long[]{N_EMBD, nVocab}, out));
        tensors.put("blk.0.attn_norm.weight", new Tensor(new long[]{N_EMBD}, ones(N_EMBD)));
        tensors.put("blk.0.attn_q.weight", new Tensor(new long[]{N_EMBD, N_EMBD}, gaussian(rnd, N_EMBD * N_EMBD, 0.1f)));
        tensors.put("blk.0.attn_k.weight", new Tensor(new long[]{N_EMBD, N_EMBD}, gaussian(rnd, N_EMBD * N_EMBD, 0.1f)));
        tensors.put("blk.0.attn_v.weight", new Tensor(new long[]{N_EMBD, N_EMBD}, gaussian(rnd, N_EMBD * N_EMBD, 0.1f)));
        tensors.put("blk.0.attn_output.weight", new Tensor(new long[]{N_EMBD, N_EMBD}, gaussian(rnd, N_EMBD * N_EMBD, 0.02f)));
        tensors.put("blk.0.ffn_norm.weight", new Tensor(new long[]{N_EMBD}, ones(N_EMBD)));
        tensors.put("blk.0.ffn_gate.weight", new Tensor(new long[]{N_EMBD, N_FF}, gaussian(rnd, N_EMBD * N_FF, 0.1f)));
        tensors.put("blk.0.ffn_up.weight", new Tensor(new long[]{N_EMBD, N_FF}, gaussian(rnd, N_EMBD * N_FF, 0.1f)));
        tensors.put("blk.0.ffn_down.weight", new Tensor(new long[]{N_FF, N_EMBD}, gaussian(rnd, N_FF * N_EMBD, 0.02f)));

        Buf header = new Buf();
        header.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        header.u32(3);
        header.u64(tensors.size());
        header.u64(meta.size());
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            header.str(e.getKey());
            value(header, e.getValue());
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            header.str(e.getKey());
            header.u32(t.dims.length);
            for (long d : t.dims) {
                header.u64(d);
            }
            header.u32(GGML_TYPE_F32);
            header.u64(offset);
            offset = align(offset + 4L * t.data.length);
        }
        header.pad();
        try (OutputStream os = Files.newOutputStream(file)) {
            os.write(header.toArray());
            for (Tensor t : tensors.values()) {
                Buf data = new Buf();
                for (float f : t.data) {
                    data.f32(f);
                }
                data.pad();
                os.write(data.toArray());
            }
        }
        return file;
    }

    private static void add(List<String> tokens, List<Float> scores, List<Integer> types, String text, float score,
                            int type) {
        if (tokens.contains(text)) {
            return; // llama.cpp asserts that every token text is unique
        }
        tokens.add(text);
        scores.add(score);
        types.add(type);
    }

    private static void value(Buf b, Object v) {
        if (v instanceof String s) {
            b.u32(TYPE_STRING);
            b.str(s);
        } else if (v instanceof U32 u) {
            b.u32(TYPE_UINT32);
            b.u32(u.value);
        } else if (v instanceof Float f) {
            b.u32(TYPE_FLOAT32);
            b.f32(f);
        } else if (v instanceof Boolean bool) {
            b.u32(TYPE_BOOL);
            b.u8(bool ? 1 : 0);
        } else if (v instanceof List<?> list) {
            b.u32(TYPE_ARRAY);
            b.u32(TYPE_STRING);
            b.u64(list.size());
            for (Object o : list) {
                b.str((String) o);
            }
        } else if (v instanceof FloatArray fa) {
            b.u32(TYPE_ARRAY);
            b.u32(TYPE_FLOAT32);
            b.u64(fa.values.size());
            fa.values.forEach(b::f32);
        } else if (v instanceof IntArray ia) {
            b.u32(TYPE_ARRAY);
            b.u32(5); // INT32
            b.u64(ia.values.size());
            ia.values.forEach(b::u32);
        } else {
            throw new IllegalArgumentException("unsupported metadata value " + v);
        }
    }

    private static float[] gaussian(Random rnd, int n, float std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextGaussian() * std);
        }
        return a;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    private static long align(long x) {
        return (x + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private record U32(int value) {
    }

    private record FloatArray(List<Float> values) {
    }

    private record IntArray(List<Integer> values) {
    }

    private record Tensor(long[] dims, float[] data) {
    }

    /** A little-endian growable byte buffer. */
    private static final class Buf {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        private void ensure(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        void u8(int v) {
            ensure(1);
            buf.put((byte) v);
        }

        void u32(int v) {
            ensure(4);
            buf.putInt(v);
        }

        void u64(long v) {
            ensure(8);
            buf.putLong(v);
        }

        void f32(float v) {
            ensure(4);
            buf.putFloat(v);
        }

        void bytes(byte[] b) {
            ensure(b.length);
            buf.put(b);
        }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            bytes(b);
        }

        void pad() {
            while (buf.position() % ALIGNMENT != 0) {
                u8(0);
            }
        }

        byte[] toArray() {
            byte[] out = new byte[buf.position()];
            buf.flip();
            buf.get(out);
            buf.position(out.length);
            buf.limit(buf.capacity());
            return out;
        }
    }
}
