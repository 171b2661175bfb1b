package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportException;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.dataset.Importers;
import dev.augur.core.dataset.OnError;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceStats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.augur.core.dataset.formats.AmazonFixtures.gzip;
import static dev.augur.core.dataset.formats.AmazonFixtures.importInto;
import static dev.augur.core.dataset.formats.AmazonFixtures.sql;
import static dev.augur.core.dataset.formats.AmazonFixtures.truncate;
import static dev.augur.core.dataset.formats.AmazonFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Amazon2023ImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> META = List.of(
            "{\"main_category\": \"All Beauty\", \"title\": \"Howard LC0008 <i>Leather</i> Conditioner, 8oz &amp; more\","
                    + " \"average_rating\": 4.8, \"rating_number\": 10, \"features\": [], \"description\": [\"Para one\","
                    + " \"<br>Para&nbsp;two\"], \"price\": null, \"images\": [{\"large\": \"http://img/1.jpg\"}],"
                    + " \"videos\": [], \"store\": \"Howard Products\", \"categories\": [\"Beauty\", \"Skin Care\"],"
                    + " \"details\": {\"Brand\": \"Howard\", \"Item Weight\": \"8 ounces\"}, \"parent_asin\": \"P1\","
                    + " \"bought_together\": null}",
            "{\"main_category\": \"All Beauty\", \"title\": \"Never reviewed\", \"features\": [\"Soft\"],"
                    + " \"description\": [], \"categories\": [], \"details\": {}, \"parent_asin\": \"P2\"}");

    @TempDir
    Path tmp;
    private Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(tmp.resolve("t.augur"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static String review(String user, String asin, String parent, String rating, long millis) {
        return "{\"rating\": " + rating + ", \"title\": \"Great\", \"text\": \"Loved it<br />a lot\", \"images\": [],"
                + " \"asin\": \"" + asin + "\", \"parent_asin\": \"" + parent + "\", \"user_id\": \"" + user + "\","
                + " \"timestamp\": " + millis + ", \"helpful_vote\": 2, \"verified_purchase\": true}";
    }

    private static List<String> reviews() {
        return List.of(review("U1", "V1", "P1", "5.0", 1588687728923L), review("U2", "V2", "P1", "4.0", 1588687729000L),
                review("U1", "X9", "P9", "2.0", 1600000000999L));
    }

    private Path folder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("beauty"));
        write(dir.resolve("meta_All_Beauty.jsonl"), META);
        gzip(dir.resolve("All_Beauty.jsonl.gz"), reviews(), "\r\n");
        return dir;
    }

    @Test
    void importsAFolderKeyedByParentAsin() throws Exception {
        ImportReport r = importInto(ws, folder());

        assertEquals("All_Beauty", r.dataset());
        assertEquals("amazon-2023", r.format());
        assertEquals(2, r.users());
        assertEquals(3, r.items());
        assertEquals(3, r.interactions());
        assertEquals(3, r.reviews());
        assertEquals(1, r.bareItems(), "P9 has no metadata line");
        assertEquals(1, r.coldItems(), "P2 has no review");
        assertEquals(List.of(), r.warnings());
        WorkspaceStats s = ws.read().stats(Optional.of("All_Beauty"));
        assertEquals(3, s.interactions());
        assertEquals(1, s.coldItems());
        assertTrue(ws.read().items("V1", Optional.empty()).isEmpty(), "variants are not items");
    }

    @Test
    void cleansMetadata() throws Exception {
        importInto(ws, folder());

        ItemRecord p1 = item("P1");
        assertEquals("Howard LC0008 Leather Conditioner, 8oz & more", p1.title());
        assertEquals("Para one\n\nPara two", p1.description());
        assertEquals("[\"Beauty\",\"Skin Care\"]", p1.categoriesJson());
        assertEquals(2, p1.interactions());
        JsonNode a = JSON.readTree(p1.attributesJson());
        assertEquals("All Beauty", a.get("main_category").textValue());
        assertEquals(4.8, a.get("average_rating").doubleValue());
        assertEquals("Howard", a.get("details").get("Brand").textValue());
        assertEquals("Howard Products", a.get("store").textValue());
        assertFalse(a.has("images"));
        assertFalse(a.has("price"), "null is left out");
        assertFalse(a.has("parent_asin"));

        ItemRecord p2 = item("P2");
        assertNull(p2.description());
        assertEquals("[]", p2.categoriesJson());
        assertEquals("[\"Soft\"]", JSON.readTree(p2.attributesJson()).get("features").toString());
        assertNull(item("P9").title());
    }

    @Test
    void millisecondTimestampsBecomeSeconds() throws Exception {
        importInto(ws, folder());

        assertEquals("1588687728", sql(ws, "SELECT min(ts) FROM interactions"));
        assertEquals("1600000000", sql(ws, "SELECT max(ts) FROM reviews"));
        JsonNode a = JSON.readTree(sql(ws, "SELECT r.attributes FROM reviews r WHERE r.ts = 1600000000"));
        assertEquals("X9", a.get("asin").textValue());
        assertTrue(a.get("verified_purchase").booleanValue());
        assertEquals(2, a.get("helpful_vote").intValue());
        assertEquals("Great|Loved it<br />a lot", sql(ws, "SELECT summary || '|' || text FROM reviews WHERE ts = 1600000000"));
    }

    @Test
    void detectsSingleFilesAndWarnsWithoutMetadata() throws Exception {
        Path dir = folder();
        Importers importers = Importers.standard();
        Detection d = importers.detect(dir.resolve("All_Beauty.jsonl.gz"), "auto");
        assertEquals("amazon-2023", d.importer().id());
        assertEquals(2, d.files().size());
        assertEquals("amazon-2023", importers.detect(dir.resolve("meta_All_Beauty.jsonl"), "amazon").importer().id());

        Path alone = gzip(tmp.resolve("Toys.jsonl.gz"), reviews());
        ImportReport r = importInto(ws, alone);
        assertEquals("Toys", r.dataset());
        assertEquals(2, r.items());
        assertEquals(2, r.bareItems());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("no meta_Toys"), r.warnings().get(0));
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws Exception {
        Path dir = folder();
        List<String> lines = new ArrayList<>(reviews());
        lines.add(1, "{\"rating\": 5.0, \"user_id\": \"U7\" \"parent_asin\": \"P1\"}");
        lines.add("{\"rating\": 5.0, \"user_id\": \"U8\"}");
        Files.delete(dir.resolve("All_Beauty.jsonl.gz"));
        write(dir.resolve("All_Beauty.jsonl"), lines);

        ImportException e = assertThrows(ImportException.class, () -> importInto(ws, dir));
        assertTrue(e.getMessage().startsWith("All_Beauty.jsonl, line 2: not JSON: "), e.getMessage());
        assertEquals(List.of(), ws.read().datasets());

        ImportReport r = importInto(ws, dir, ImportOptions.defaults().withOnError(OnError.SKIP));
        assertEquals(2, r.skipped());
        assertEquals(3, r.reviews());
        assertEquals("All_Beauty.jsonl, line 5, field 'parent_asin': missing", r.problems().get(1).toString());
    }

    @Test
    void aTruncatedGzipFailsCleanly() throws Exception {
        Path dir = folder();
        List<String> many = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            many.add(review("U" + k, "V" + k, "P1", "3.0", 1_600_000_000_000L + k * 7919L));
        }
        truncate(gzip(dir.resolve("All_Beauty.jsonl.gz"), many), 20);

        ImportException e = assertThrows(ImportException.class, () -> importInto(ws, dir));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(List.of(), ws.read().datasets());
    }

    @Test
    void theReleasesDoNotClaimEachOthersFiles() throws Exception {
        Path dir = folder();
        assertTrue(new Amazon2018Importer().detect(dir).isEmpty());
        assertTrue(new Amazon2018Importer().detect(dir.resolve("meta_All_Beauty.jsonl")).isEmpty());
        assertTrue(new Amazon2018Importer().detect(dir.resolve("All_Beauty.jsonl.gz")).isEmpty());
        Path old = write(tmp.resolve("Old_5.json"), List.of("{\"overall\": 5.0, \"reviewerID\": \"A\", \"asin\": \"B\"}"));
        assertTrue(new Amazon2023Importer().detect(old).isEmpty());
        assertTrue(new Amazon2018Importer().detect(old).isPresent());
        assertTrue(new Amazon2023Importer().detect(write(tmp.resolve("notes.jsonl"), List.of("{\"x\": 1}"))).isEmpty());
    }

    private ItemRecord item(String id) {
        List<ItemRecord> found = ws.read().items(id, Optional.empty());
        assertEquals(1, found.size(), id);
        return found.get(0);
    }
}
