package dev.augur.core.encode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The real bundled MiniLM on ONNX Runtime (CPU): what an analyst relies on when comparing texts. */
class SentenceEncoderTest {
    private static SentenceEncoder minilm;

    @BeforeAll
    static void load() {
        minilm = SentenceEncoder.open(ModelRegistry.byId("minilm"), DeviceChoice.CPU);
    }

    @AfterAll
    static void close() {
        minilm.close();
    }

    static double cos(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void vectorsAreUnitLengthWithTheModelsDimensions() {
        float[] v = minilm.encode("A quiet detective story set in a rainy harbour town.");
        assertThat(v).hasSize(384);
        assertThat(cos(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void relatedTextsAreCloserThanUnrelatedOnes() {
        float[] cat = minilm.encode("A cat sleeps on the warm windowsill.");
        float[] kitten = minilm.encode("The kitten is napping in the sun by the window.");
        float[] stocks = minilm.encode("Quarterly earnings beat analyst expectations for the bank.");
        assertThat(cos(cat, kitten)).isGreaterThan(cos(cat, stocks) + 0.3);
    }

    @Test
    void aTextGetsTheSameVectorAloneOrBatchedWithLongerTexts() {
        // padding to the longest text of a batch must not change a short text's vector (mask-aware pooling)
        String shortText = "Space opera with pirates.";
        List<String> batch = new ArrayList<>(List.of(shortText));
        for (int i = 0; i < 40; i++) {
            batch.add("A much longer description number " + i + " that goes on about plots, characters, settings,"
                    + " and many other details of the story so that it is padded differently from the short one.");
        }
        EncodedTexts together = minilm.encode(batch, d -> { }, () -> false);
        float[] alone = minilm.encode(shortText);
        assertThat(together.vectors().length).isEqualTo(41);
        assertThat(cos(alone, together.vectors()[0])).isGreaterThan(0.99999);
        assertThat(together.tokens()).isLessThan(together.paddedTokens() + 1);
    }

    @Test
    void textsOverTheTokenLimitAreTruncatedAndCounted() {
        String longText = "word ".repeat(1200);
        EncodedTexts r = minilm.encode(List.of(longText, "short"), d -> { }, () -> false);
        assertThat(r.truncated()).isEqualTo(1);
        assertThat(r.vectors()[0]).hasSize(384);
        // at most 512 positions per text were computed
        assertThat(r.paddedTokens()).isLessThanOrEqualTo(2 * 512);
    }

    @Test
    void int8AndBgeModelsAgreeWithTheirKindOnMeaning() {
        try (SentenceEncoder q = SentenceEncoder.open(ModelRegistry.byId("minilm-q"), DeviceChoice.CPU);
             SentenceEncoder bge = SentenceEncoder.open(ModelRegistry.byId("bge-small-q"), DeviceChoice.CPU)) {
            String a = "Gift card for an online bookshop.";
            // int8 weights: close to fp32, not equal (dynamic quantisation)
            assertThat(cos(q.encode(a), minilm.encode(a))).isGreaterThan(0.95);
            float[] b1 = bge.encode("How do I bake sourdough bread?");
            float[] b2 = bge.encode("Recipe for a sourdough loaf");
            float[] b3 = bge.encode("Train timetable from Paris to Lyon");
            assertThat(cos(b1, b2)).isGreaterThan(cos(b1, b3));
        }
    }

    @Test
    void askingForAGpuOnTheCpuBuildSaysHowToGetOne() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA),
                "GPU build of ONNX Runtime (mvn -Pgpu)");
        EncoderException e = assertThrows(EncoderException.class, () -> Devices.select(DeviceChoice.GPU));
        assertThat(e.getMessage()).contains("-Pgpu");
        assertThat(Devices.select(DeviceChoice.AUTO).gpu()).isFalse();
        assertThat(Devices.select(DeviceChoice.AUTO).reason()).contains("cpu");
    }

    @Test
    void cancellingStopsBeforeEveryBatchRuns() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            texts.add("text " + i);
        }
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        EncodedTexts r = minilm.encode(texts, seen::set, () -> seen.get() >= 64);
        assertThat(java.util.Arrays.stream(r.vectors()).filter(java.util.Objects::isNull).count()).isPositive();
    }
}
