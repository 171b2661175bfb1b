package dev.augur.core.encode;

import dev.augur.core.store.VectorMatrix;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import dev.augur.core.vectors.SimilarItem;
import dev.augur.core.vectors.SimilarItems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Encoding a real workspace with the bundled int8 MiniLM: skip unchanged text, resume, pool reviews, find neighbours. */
class EncodeServiceTest {
    private static EncodeService service;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        service = new EncodeService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private Workspace workspace(String name) {
        Workspace ws = Workspace.open(dir.resolve(name));
        dev.augur.core.dataset.Fixtures.writeShop(ws);
        return ws;
    }

    private static EncodeRequest items() {
        return EncodeRequest.of(EncodeTarget.ITEMS, "minilm-q").withDevice(DeviceChoice.CPU);
    }

    @Test
    void encodesEveryItemOnceAndARerunEncodesOnlyChangedText() {
        try (Workspace ws = workspace("a.augur")) {
            EncodeReport first = service.run(ws, items(), TaskMonitor.NONE);
            assertThat(first.total()).isEqualTo(7);
            assertThat(first.encoded()).isEqualTo(6);
            assertThat(first.empty()).isEqualTo(1);
            assertThat(first.skipped()).isZero();
            assertThat(first.device()).isEqualTo("cpu");
            assertThat(first.field()).isEqualTo(ItemTextTemplate.DEFAULT);

            EncodeReport again = service.run(ws, items(), TaskMonitor.NONE);
            assertThat(again.encoded()).isZero();
            assertThat(again.skipped()).isEqualTo(6);

            // another template is another vector set, encoded in full
            EncodeReport titles = service.run(ws, items().withTemplate("{title}"), TaskMonitor.NONE);
            assertThat(titles.encoded()).isEqualTo(6);
            assertThat(ws.vectors().sets()).extracting(VectorSetInfo::field)
                    .containsExactlyInAnyOrder(ItemTextTemplate.DEFAULT, "{title}");
        }
    }

    @Test
    void similarItemsComeFromTheSameTopic() {
        try (Workspace ws = workspace("b.augur"); SimilarItems similar = new SimilarItems()) {
            service.run(ws, items(), TaskMonitor.NONE);
            long datasetId = ws.read().datasets().get(0).id();
            VectorSetInfo set = SimilarItems.choose(ws, datasetId, Optional.of("minilm-q"), Optional.empty()).orElseThrow();
            long kettle = ws.read().items("k1", Optional.empty()).get(0).id();
            List<SimilarItem> near = similar.similar(ws, set, kettle, 5);
            assertThat(near).hasSize(5).extracting(SimilarItem::externalId).doesNotContain("k1", "c1");
            assertThat(near.get(0).externalId()).isEqualTo("k2"); // the teapot, not the shoes
            assertThat(near).isSortedAccordingTo((a, b) -> Float.compare(b.cosine(), a.cosine()));
            long shoes = ws.read().items("g1", Optional.empty()).get(0).id();
            assertThat(similar.similar(ws, set, shoes, 1).get(0).externalId()).startsWith("g");
        }
    }

    @Test
    void reviewsAreEncodedAndPooledPerItemAndPerUser() {
        try (Workspace ws = workspace("c.augur")) {
            EncodeReport r = service.run(ws, EncodeRequest.of(EncodeTarget.REVIEWS, "minilm-q").withDevice(DeviceChoice.CPU),
                    TaskMonitor.NONE);
            assertThat(r.encoded()).isEqualTo(3);
            assertThat(r.pooled()).isEqualTo(3 + 2); // items k1, k2, g1; users u1, u2
            long ds = ws.read().datasets().get(0).id();
            VectorMatrix users = ws.vectors().load(ds, "user-reviews", EncodeService.REVIEW_FIELD, "minilm-q");
            assertThat(users.entityIds()).hasSize(2);
            double norm = 0;
            for (int d = 0; d < users.dims(); d++) {
                norm += users.data()[d] * users.data()[d];
            }
            assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            EncodeReport again = service.run(ws, EncodeRequest.of(EncodeTarget.REVIEWS, "minilm-q").withDevice(DeviceChoice.CPU),
                    TaskMonitor.NONE);
            assertThat(again.encoded()).isZero();
            assertThat(again.pooled()).isZero();
        }
    }

    @Test
    void aCancelledRunKeepsFinishedChunksAndTheNextRunResumes() {
        try (Workspace ws = workspace("d.augur"); EncodeService smallChunks = new EncodeService(2)) {
            AtomicLong done = new AtomicLong();
            TaskMonitor cancelAfterFirstChunk = new TaskMonitor() {
                @Override public void progress(long d, long total) {
                    done.set(d);
                }
                @Override public void message(String message) { }
                @Override public boolean isCancelled() {
                    return done.get() >= 2;
                }
            };
            assertThrows(TaskCancelledException.class, () -> smallChunks.run(ws, items(), cancelAfterFirstChunk));
            long ds = ws.read().datasets().get(0).id();
            assertThat(ws.vectors().textHashes(ds, "item", ItemTextTemplate.DEFAULT, "minilm-q")).hasSize(2);
            EncodeReport resumed = smallChunks.run(ws, items(), TaskMonitor.NONE);
            assertThat(resumed.skipped()).isEqualTo(2);
            assertThat(resumed.encoded()).isEqualTo(4);
        }
    }

    @Test
    void profilesThatDoNotExistYetAreExplained() {
        try (Workspace ws = workspace("e.augur")) {
            EncoderException e = assertThrows(EncoderException.class, () -> service.run(ws,
                    EncodeRequest.of(EncodeTarget.USER_PROFILES, "minilm-q"), TaskMonitor.NONE));
            assertThat(e.getMessage()).contains("no generated user profiles");
        }
    }

    @Test
    void templatesRenderFieldsAndDropSeparatorsOfEmptyOnes() {
        var item = new dev.augur.core.store.ItemRecord(1, "d", "x1", "Kettle", "", "[\"kitchen\",\"tea\"]",
                "{\"brand\":\"Acme\",\"tags\":[\"a\",\"b\"]}", 0, 0);
        assertThat(new ItemTextTemplate(ItemTextTemplate.DEFAULT).render(item)).isEqualTo("Kettle. kitchen, tea");
        assertThat(new ItemTextTemplate("{title} by {attr.brand} ({attr.tags})").render(item)).isEqualTo("Kettle by Acme (a, b)");
        assertThrows(IllegalArgumentException.class, () -> new ItemTextTemplate("{price}"));
    }
}
