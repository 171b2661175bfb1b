package dev.augur.core.review;

import dev.augur.core.dataset.Fixtures;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.store.DatasetWriter;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the files hold for awkward text, and that a failed export leaves the folder as it was. */
class ReviewExportTest {
    @TempDir
    Path dir;

    private Workspace shop() {
        Workspace ws = Workspace.open(dir.resolve("w.augur"));
        try (DatasetWriter w = ws.newDataset("my shop", "test", null)) {
            int u1 = w.putUser("u1", "{\"age\":31,\"country\":\"New Zealand\",\"tags\":[\"x\"]}");
            int u2 = w.putUser("u2", "{\"age\":45}");
            w.putItem("k1", "Tea\tKettle", "Boils fast.\nWhistles.", "[\"Home & Kitchen\"]", "{\"brand\":\"Acme\"}");
            w.putItem("k2", "Pot", "", "[\"Kitchen\",\"Tea\"]", "{\"weight\":1.5}");
            w.putItem("k3", "Cold one", "", "[]", "{}");
            w.interaction(u1, w.item("k1"), 5, 1_700_000_000L, -1);
            w.interaction(u2, w.item("k2"), 3, DatasetWriter.NO_TIMESTAMP, -1);
            w.commit(d -> "{}");
        }
        long ds = ws.read().datasets().get(0).id();
        long u1 = ws.read().entityId(ds, "user", "u1").orElseThrow();
        long k3 = ws.read().entityId(ds, "item", "k3").orElseThrow();
        long id = ws.synthetic().add(ds, List.of(new SyntheticProposal(u1, k3, 1, "imported", "imported", "", 0.4,
                "", Double.NaN, Double.NaN, 0, "p.csv", 2))).ids().get(0);
        ws.annotations().setAnnotator("bo");
        ws.annotations().accept(id, "bo");
        return ws;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void recboleFieldsKeepTextOnOneLineAndCategoriesAndAttributesReadable() throws Exception {
        try (Workspace ws = shop()) {
            Path out = dir.resolve("out");
            ReviewExport.Result r = new ReviewExport().export(ws, Optional.empty(), ReviewExport.Format.RECBOLE, out,
                    TaskMonitor.NONE);

            assertThat(names(out)).containsExactly("my_shop.inter", "my_shop.item", "my_shop.user");
            assertThat(r.observed()).isEqualTo(2);
            assertThat(r.synthetic()).isEqualTo(1);
            List<String> inter = Files.readAllLines(out.resolve("my_shop.inter"));
            assertThat(inter).hasSize(4);
            assertThat(inter).contains("u1\tk1\t5\t1700000000\tobserved", "u2\tk2\t3\t\tobserved");
            assertThat(inter).anyMatch(l -> l.matches("u1\tk3\t1\t\\d+\tsynthetic"));
            assertThat(Files.readAllLines(out.resolve("my_shop.item"))).containsExactly(
                    "item_id:token\ttitle:token_seq\tdescription:token_seq\tcategories:token_seq\tbrand:token"
                            + "\tweight:float",
                    "k1\tTea Kettle\tBoils fast. Whistles.\tHome & Kitchen,\tAcme\t",
                    "k2\tPot\t\tKitchen Tea\t\t1.5",
                    "k3\tCold one\t\t\t\t");
            // lists are not scalar attributes; a number column stays float only while every value is a number
            assertThat(Files.readAllLines(out.resolve("my_shop.user"))).containsExactly(
                    "user_id:token\tage:float\tcountry:token", "u1\t31\tNew Zealand", "u2\t45\t");

            // and Augur's RecBole importer reads them back
            Path again = dir.resolve("again.augur");
            ImportReport imported = Fixtures.importInto(again, out, ImportOptions.defaults().withFormat("recbole"));
            assertThat(imported.interactions()).isEqualTo(3);
            try (Workspace a = Workspace.open(again)) {
                ItemRecord k1 = a.read().items("k1", Optional.empty()).get(0);
                assertThat(k1.title()).isEqualTo("Tea Kettle");
                assertThat(k1.categoriesJson()).isEqualTo("[\"Home & Kitchen\"]");
                assertThat(a.read().users("u1", Optional.empty()).get(0).attributesJson()).contains("New Zealand");
            }
        }
    }

    @Test
    void aCancelledOrFailedExportLeavesTheFolderAsItWas() throws Exception {
        try (Workspace ws = shop()) {
            Path out = Files.createDirectories(dir.resolve("out"));
            Files.writeString(out.resolve("my_shop.csv"), "old");
            TaskMonitor cancelled = new TaskMonitor() {
                @Override public void progress(long done, long total) { }
                @Override public void message(String message) { }
                @Override public boolean isCancelled() {
                    return true;
                }
            };
            assertThatThrownBy(() -> new ReviewExport().export(ws, Optional.empty(), ReviewExport.Format.CSV, out,
                    cancelled)).isInstanceOf(TaskCancelledException.class);
            assertThat(names(out)).containsExactly("my_shop.csv");
            assertThat(Files.readString(out.resolve("my_shop.csv"))).isEqualTo("old");

            // the .item target is a folder: found before anything moves, so the .inter is not written either
            Files.createDirectories(out.resolve("my_shop.item").resolve("x"));
            assertThatThrownBy(() -> new ReviewExport().export(ws, Optional.empty(), ReviewExport.Format.RECBOLE, out,
                    TaskMonitor.NONE)).hasMessageContaining("my_shop.item").hasMessageContaining("is a folder");
            assertThat(names(out)).containsExactly("my_shop.csv", "my_shop.item");

            new ReviewExport().export(ws, Optional.empty(), ReviewExport.Format.CSV, out, TaskMonitor.NONE);
            assertThat(Files.readAllLines(out.resolve("my_shop.csv"))).hasSize(4).first()
                    .isEqualTo("user_id,item_id,rating,timestamp,source");
        }
    }

    @Test
    void fieldHelpers() {
        assertThat(ReviewExport.fileName("ml-latest-small")).isEqualTo("ml-latest-small");
        assertThat(ReviewExport.fileName("a/b c")).isEqualTo("a_b_c");
        assertThat(ReviewExport.csv("Heat, Again \"2\"")).isEqualTo("\"Heat, Again \"\"2\"\"\"");
        assertThat(ReviewExport.categories("[\"Action\",\"Sci-Fi\"]")).isEqualTo("Action Sci-Fi");
        assertThat(ReviewExport.categories("[\"Science Fiction\",\"Drama\"]")).isEqualTo("Science Fiction,Drama");
        assertThat(ReviewExport.number(3.5)).isEqualTo("3.5");
        assertThat(ReviewExport.number(4)).isEqualTo("4");
    }
}
