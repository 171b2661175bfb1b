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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Amazon2018ImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> META = List.of(
            "{\"asin\": \"A1\", \"title\": \"Caf&eacute; <b>Gift</b> Card &amp; More\", \"description\":"
                    + " [\"<p>First&nbsp;para</p>\", \"Second &#39;para&#x27;\", \"\"], \"category\": [\"Gift Cards\","
                    + " \"Gift Cards\", \"Restaurants\"], \"brand\": \"Caf&eacute;\", \"price\": \"$25.00\", \"image\":"
                    + " [\"http://img/1.jpg\"], \"details\": {\"\\n    Shipping Weight: \\n    \": \"3 ounces\"},"
                    + " \"also_buy\": [], \"also_view\": [\"A2\"], \"rank\": \"1,234 in Gift Cards (\", \"tech1\": \"\"}",
            "{'asin': 'A2', 'title': \"Bob's <i>Card</i>\", 'description': ['Line\\none'], 'category': ['Gift Cards'],"
                    + " 'brand': None, 'feature': ['Works', 'It\\'s great'], 'price': '', 'main_cat': '<img src=\"x.png\""
                    + " alt=\"Gift Cards\"/>', 'rank': ['#1 in X'], 'is_new': True}",
            "",
            "{\"asin\": \"A3\", \"title\": \"Cold card\", \"category\": []}");

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

    private static String review(String user, String asin, Object overall, long time) {
        return "{\"overall\": " + overall + ", \"verified\": true, \"reviewTime\": \"06 17, 2018\", \"reviewerID\": \""
                + user + "\", \"asin\": \"" + asin + "\", \"style\": {\"Gift Amount:\": \" 50\"}, \"reviewerName\":"
                + " \"Name " + user + "\", \"reviewText\": \"Text by " + user + "\", \"summary\": \"Summary\","
                + " \"unixReviewTime\": " + time + ", \"vote\": \"1,234\"}";
    }

    private static List<String> reviews() {
        return List.of(review("u1", "A1", "5.0", 1529193600), review("u2", "A1", "4.0", 1528934400),
                review("u1", "A2", "3.0", 1528934400), review("u3", "B9", "1.0", 1528934401),
                review("u1", "A1", "5.0", 1529193600)); // a repeated (user, item, time): a distinct review, kept
    }

    private Path folder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("amazon"));
        gzip(dir.resolve("meta_Gift_Cards.json.gz"), META);
        gzip(dir.resolve("Gift_Cards_5.json.gz"), reviews(), "\r\n");
        return dir;
    }

    @Test
    void importsAFolderWithMetadataAndReviews() throws Exception {
        ImportReport r = importInto(ws, folder());

        assertEquals("Gift_Cards", r.dataset());
        assertEquals("amazon-2018", r.format());
        assertEquals(3, r.users());
        assertEquals(4, r.items());
        assertEquals(5, r.interactions());
        assertEquals(5, r.reviews());
        assertEquals(1, r.bareItems(), "B9 is reviewed but has no metadata line");
        assertEquals(1, r.coldItems(), "A3 has metadata and no review");
        assertEquals(0, r.duplicates());
        assertEquals(0, r.skipped());
        assertEquals(List.of(), r.warnings());
        WorkspaceStats s = ws.read().stats(Optional.of("Gift_Cards"));
        assertEquals(3, s.users());
        assertEquals(4, s.items());
        assertEquals(5, s.interactions());
        assertEquals(5, s.reviews());
        assertEquals(1, s.coldItems());
    }

    @Test
    void cleansHtmlAndKeepsMetadataAsAttributes() throws Exception {
        importInto(ws, folder());

        ItemRecord a1 = item("A1");
        assertEquals("Café Gift Card & More", a1.title());
        assertEquals("First para\n\nSecond 'para'", a1.description());
        assertEquals("[\"Gift Cards\",\"Restaurants\"]", a1.categoriesJson());
        JsonNode attrs = JSON.readTree(a1.attributesJson());
        assertEquals("Café", attrs.get("brand").textValue());
        assertEquals("$25.00", attrs.get("price").textValue());
        assertEquals("3 ounces", attrs.get("details").get("Shipping Weight").textValue());
        assertEquals("[\"A2\"]", attrs.get("also_view").toString());
        assertEquals("1,234 in Gift Cards (", attrs.get("rank").textValue());
        assertFalse(attrs.has("image"), "image URL lists are left out");
        assertFalse(attrs.has("also_buy"), "empty values are left out");
        assertFalse(attrs.has("tech1"));
        assertFalse(attrs.has("asin"));
        assertEquals(3, a1.interactions());
        assertEquals(3, a1.reviews());
    }

    @Test
    void readsPythonLiteralMetadataLines() throws Exception {
        importInto(ws, folder());

        ItemRecord a2 = item("A2");
        assertEquals("Bob's Card", a2.title());
        assertEquals("Line one", a2.description());
        assertEquals("[\"Gift Cards\"]", a2.categoriesJson());
        JsonNode attrs = JSON.readTree(a2.attributesJson());
        assertEquals("[\"Works\",\"It's great\"]", attrs.get("feature").toString());
        assertEquals("Gift Cards", attrs.get("main_cat").textValue(), "the logo's alt text names the category");
        assertTrue(attrs.get("is_new").booleanValue());
        assertFalse(attrs.has("brand"), "None is left out");
        assertFalse(attrs.has("price"));
    }

    @Test
    void keepsBareAndColdItems() throws Exception {
        importInto(ws, folder());

        ItemRecord bare = item("B9");
        assertNull(bare.title());
        assertEquals("[]", bare.categoriesJson());
        assertEquals(1, bare.interactions());
        ItemRecord cold = item("A3");
        assertEquals("Cold card", cold.title());
        assertEquals("[]", cold.categoriesJson());
        assertNull(cold.description());
        assertEquals(0, cold.interactions());
    }

    @Test
    void storesEachReviewWithItsAttributes() throws Exception {
        importInto(ws, folder());

        assertEquals("2", sql(ws, "SELECT count(*) FROM reviews r JOIN users u ON u.id = r.user_id"
                + " JOIN items i ON i.id = r.item_id WHERE u.external_id = 'u1' AND i.external_id = 'A1'"));
        JsonNode a = JSON.readTree(sql(ws, "SELECT r.attributes FROM reviews r JOIN users u ON u.id = r.user_id"
                + " WHERE u.external_id = 'u3'"));
        assertTrue(a.get("verified").booleanValue());
        assertEquals(1234, a.get("vote").longValue());
        assertEquals("50", a.get("style").get("Gift Amount").textValue());
        assertEquals("Name u3", a.get("reviewerName").textValue());
        assertEquals("Summary|Text by u3|1.0|1528934401", sql(ws, "SELECT r.summary || '|' || r.text || '|' || r.rating"
                + " || '|' || r.ts FROM reviews r JOIN users u ON u.id = r.user_id WHERE u.external_id = 'u3'"));
        assertEquals("1528934401", sql(ws, "SELECT x.ts FROM interactions x JOIN users u ON u.id = x.user_id"
                + " WHERE u.external_id = 'u3'"));
    }

    @Test
    void importsOneReviewFileWithItsMetadataSibling() throws Exception {
        Path reviews = folder().resolve("Gift_Cards_5.json.gz");
        Detection d = new Importers(List.of(new Amazon2018Importer())).detect(reviews, "amazon");
        assertEquals(2, d.files().size());

        ImportReport r = importInto(ws, reviews);
        assertEquals("Gift_Cards", r.dataset());
        assertEquals(4, r.items());
        assertEquals(1, r.bareItems());
    }

    @Test
    void warnsWhenTheMetadataIsMissing() {
        Path reviews = write(tmp.resolve("Magazines_5.json"), reviews());

        ImportReport r = importInto(ws, reviews);
        assertEquals("Magazines", r.dataset());
        assertEquals(3, r.items());
        assertEquals(3, r.bareItems());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("no meta_Magazines"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains("no titles"), r.warnings().get(0));
    }

    @Test
    void importsAMetadataFileAloneAsColdItems() {
        Path meta = write(tmp.resolve("meta_Gift_Cards.json"), META);

        ImportReport r = importInto(ws, meta);
        assertEquals(3, r.items());
        assertEquals(0, r.interactions());
        assertEquals(3, r.coldItems());
        assertEquals(0, r.bareItems());
    }

    @Test
    void readsAByteOrderMarkAndCrlf() {
        Path dir = mkdir(tmp.resolve("bom"));
        write(dir.resolve("meta_Books.json"), META, "\r\n");
        List<String> withBom = new ArrayList<>(reviews());
        withBom.set(0, "\uFEFF" + withBom.get(0));
        write(dir.resolve("Books.json"), withBom, "\r\n");

        ImportReport r = importInto(ws, dir);
        assertEquals("Books", r.dataset());
        assertEquals(5, r.reviews());
        assertEquals(1, r.bareItems());
        assertEquals("Café Gift Card & More", item("A1").title());
    }

    @Test
    void aMalformedLineNamesFileAndLineAndCanBeSkipped() throws Exception {
        Path dir = folder();
        List<String> lines = new ArrayList<>(reviews());
        lines.add(2, "{\"overall\": 5.0, \"reviewerID\": \"u9\", \"asin\": ");
        write(dir.resolve("Gift_Cards_5.json"), lines);
        Files.delete(dir.resolve("Gift_Cards_5.json.gz"));

        ImportException e = assertThrows(ImportException.class, () -> importInto(ws, dir));
        assertTrue(e.getMessage().startsWith("Gift_Cards_5.json, line 3: not JSON"), e.getMessage());
        assertEquals(List.of(), ws.read().datasets());

        ImportReport r = importInto(ws, dir, ImportOptions.defaults().withOnError(OnError.SKIP));
        assertEquals(1, r.skipped());
        assertEquals(5, r.reviews());
        assertEquals(3, r.problems().get(0).line());
    }

    @Test
    void badFieldsAreNamed() throws Exception {
        Path dir = folder();
        Files.delete(dir.resolve("Gift_Cards_5.json.gz"));
        Path file = dir.resolve("Gift_Cards_5.json");

        write(file, List.of(review("u1", "A1", "5.0", 1), review("u2", "A1", "\"five\"", 2)));
        ImportException e = assertThrows(ImportException.class, () -> importInto(ws, dir));
        assertEquals("Gift_Cards_5.json, line 2, field 'overall': 'five' is not a number", e.getMessage());

        write(file, List.of(review("u1", "A1", "5.0", 1).replace("\"overall\": 5.0, ", "")));
        e = assertThrows(ImportException.class, () -> importInto(ws, dir));
        assertEquals("Gift_Cards_5.json, line 1, field 'overall': missing", e.getMessage());

        write(file, List.of(review("u1", "A1", "5.0", 1), review("", "A1", "5.0", 1)));
        e = assertThrows(ImportException.class, () -> importInto(ws, dir));
        assertEquals("Gift_Cards_5.json, line 2, field 'reviewerID': empty", e.getMessage());
        assertEquals(List.of(), ws.read().datasets());
    }

    @Test
    void aRepeatedAsinInTheMetadataKeepsTheFirstLineAndWarns() throws Exception {
        Path dir = folder();
        List<String> meta = new ArrayList<>(META);
        meta.add("{\"asin\": \"A1\", \"title\": \"Again\"}");
        gzip(dir.resolve("meta_Gift_Cards.json.gz"), meta);

        var report = importInto(ws, dir);
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("1 repeated asin line(s) ignored, the first at line 5")),
                report.warnings().toString());
        assertNotEquals("Again", ws.read().items("A1", java.util.Optional.empty()).get(0).title());
    }

    @Test
    void aTruncatedGzipFailsAndLeavesTheWorkspaceUnchanged() throws Exception {
        Path dir = folder();
        List<String> many = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            many.add(review("u" + k, "A" + (k % 3 + 1), "4.0", 1_500_000_000L + k * 7919L));
        }
        Path reviews = gzip(dir.resolve("Gift_Cards_5.json.gz"), many);
        truncate(reviews, 20);

        ImportException e = assertThrows(ImportException.class, () -> importInto(ws, dir));
        assertTrue(e.getMessage().startsWith("Gift_Cards_5.json.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("ends early"), e.getMessage());
        assertEquals(List.of(), ws.read().datasets());
    }

    @Test
    void prefersTheFiveCoreFileOverTheFullOne() throws Exception {
        Path dir = folder();
        write(dir.resolve("Gift_Cards.json"), List.of(review("x", "A1", "1.0", 1)));

        ImportReport r = importInto(ws, dir);
        assertEquals(5, r.reviews());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("Gift_Cards.json left out"), r.warnings().get(0));
    }

    @Test
    void importsTheSharedGiftCardsDataset() throws Exception {
        String shared = System.getProperty("augur.sharedDatasets");
        Path dir = (shared != null ? Path.of(shared) : Path.of("../shared/datasets")).resolve("amazon2018-gift-cards");
        assumeTrue(Files.isDirectory(dir), "shared dataset not present at " + dir.toAbsolutePath() + "; skipped");

        ImportReport r = importInto(ws, dir);
        assertEquals("amazon-2018", r.format());
        assertEquals("Gift_Cards", r.dataset());
        assertEquals(458, r.users());
        assertEquals(2972, r.reviews());
        assertEquals(2972, r.interactions());
        assertEquals(1547, r.items());
        assertEquals(0, r.bareItems(), "every reviewed item has metadata");
        assertEquals(1547 - 148, r.coldItems());
        assertEquals(0, r.duplicates());
        assertEquals(0, r.skipped());
        WorkspaceStats s = ws.read().stats(Optional.of("Gift_Cards"));
        assertEquals(458, s.users());
        assertEquals(2972, s.interactions());
        assertEquals(1547, s.items());
        assertEquals("1547", sql(ws, "SELECT count(*) FROM items WHERE title IS NOT NULL AND title <> ''"));
        assertEquals("0", sql(ws, "SELECT count(*) FROM items WHERE title LIKE '%</%' OR title LIKE '%&amp;%'"
                + " OR title LIKE '%&#39;%' OR description LIKE '%<br%'"));
        assertEquals("Maggiano's Gift Card", item("B002VFYGC0").title());
        ItemRecord wallet = item("B00BXOFI1I");
        assertEquals("Vintage Plumes Gift Card Holder & Wallet", wallet.title());
        assertEquals("[\"Gift Cards\",\"Gift Card Accessories\"]", wallet.categoriesJson());
        assertEquals("AMAZON FASHION", JSON.readTree(wallet.attributesJson()).get("main_cat").textValue());
    }

    private ItemRecord item(String asin) {
        List<ItemRecord> found = ws.read().items(asin, Optional.empty());
        assertEquals(1, found.size(), asin);
        return found.get(0);
    }

    private static Path mkdir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
