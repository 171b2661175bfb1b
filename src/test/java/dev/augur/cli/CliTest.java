package dev.augur.cli;

import dev.augur.core.dataset.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AugurCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path movieLens() {
        Path d = dir.resolve("ml");
        Fixtures.write(d.resolve("movies.csv"), "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n"
                + "2,\"Heat, Again (1996)\",Action\n3,Cold One (1997),Drama\n");
        Fixtures.write(d.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,4.5,964981247\n"
                + "2,1,3.0,964982224\n");
        return d;
    }

    @Test
    void importStatsAndShowSpeakJson() throws Exception {
        Path ws = dir.resolve("w.augur");
        Run imp = cli("import", movieLens().toString(), "--workspace", ws.toString(), "--json");
        assertThat(imp.exit()).as(imp.err()).isZero();
        JsonNode r = imp.json();
        assertThat(r.get("users").asLong()).isEqualTo(2);
        assertThat(r.get("items").asLong()).isEqualTo(3);
        assertThat(r.get("interactions").asLong()).isEqualTo(3);
        assertThat(r.get("reviews").asLong()).isZero();
        assertThat(r.has("seconds")).isTrue();

        JsonNode s = cli("stats", "--workspace", ws.toString(), "--json").json();
        assertThat(s.get("users").asLong()).isEqualTo(2);
        assertThat(s.get("items").asLong()).isEqualTo(3);
        assertThat(s.get("interactions").asLong()).isEqualTo(3);
        assertThat(s.get("cold_items").asLong()).isEqualTo(1);
        assertThat(s.get("density").asDouble()).isEqualTo(0.5);
        assertThat(s.get("interactions_per_user").get("median").asDouble()).isEqualTo(1.5);
        assertThat(s.get("synthetic").get("pending").asLong()).isZero();

        JsonNode item = cli("show", "--workspace", ws.toString(), "--item", "2", "--json").json();
        assertThat(item.get("title").asText()).isEqualTo("Heat, Again (1996)");
        assertThat(item.get("categories").get(0).asText()).isEqualTo("Action");
        assertThat(item.get("attributes").get("year").asInt()).isEqualTo(1996);
        assertThat(item.get("interactions").asLong()).isEqualTo(1);

        JsonNode user = cli("show", "--workspace", ws.toString(), "--user", "1", "--json").json();
        assertThat(user.get("interactions").asLong()).isEqualTo(2);
    }

    @Test
    void humanOutputWithoutJson() {
        Path ws = dir.resolve("w.augur");
        Run imp = cli("import", movieLens().toString(), "--workspace", ws.toString());
        assertThat(imp.exit()).isZero();
        assertThat(imp.out()).contains("Imported dataset 'ml' (movielens-csv)").contains("3 interactions");
        assertThat(cli("stats", "--workspace", ws.toString()).out()).contains("cold items 1");
    }

    @Test
    void failuresExitNonZeroAndSayWhatToDo() {
        Path ws = dir.resolve("w.augur");
        Run missing = cli("stats", "--workspace", dir.resolve("nope.augur").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no workspace at").contains("augur import");

        Path bad = dir.resolve("bad");
        Fixtures.write(bad.resolve("movies.csv"), "movieId,title,genres\n1,A (1995),Comedy\n");
        Fixtures.write(bad.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,four,964982703\n");
        Run failed = cli("import", bad.toString(), "--workspace", ws.toString(), "--json");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("nothing was written").contains("ratings.csv, line 2, field 'rating'");

        Run noItem = cli("show", "--workspace", ws.toString(), "--item", "1");
        assertThat(noItem.exit()).isEqualTo(1);

        Run usage = cli("import");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(cli("import", bad.toString(), "--workspace", ws.toString(), "--on-error", "maybe").err())
                .contains("--on-error must be abort or skip");
    }

    @Test
    void benchImportRunsBesideItsPeerAndReportsJson() throws Exception {
        Run r = cli("bench", "import", "--rows", "5000", "--runs", "1", "--dir", dir.resolve("bench").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("rows").asLong()).isEqualTo(5000);
        assertThat(j.get("augur_rows_per_second").asLong()).isPositive();
        assertThat(j.get("peak_heap_mb").asLong()).isPositive();
        if (j.has("sqlite3_rows_per_second")) { // the peer runs where the sqlite3 shell is installed (CI installs it)
            assertThat(j.get("ratio").asDouble()).isPositive();
            assertThat(j.get("ratio_indexed").asDouble()).isPositive();
        }
    }

    @Test
    void skipPolicyReportsProblemsInJson() throws Exception {
        Path bad = dir.resolve("bad");
        Fixtures.write(bad.resolve("movies.csv"), "movieId,title,genres\n1,A (1995),Comedy\n");
        Fixtures.write(bad.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,four,964982703\n2,1,4,964982704\n");
        Run r = cli("import", bad.toString(), "--workspace", dir.resolve("w.augur").toString(), "--on-error", "skip", "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("interactions").asLong()).isEqualTo(1);
        assertThat(j.get("skipped").asLong()).isEqualTo(1);
        assertThat(j.get("problems").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(j.get("problems").get(0).get("field").asText()).isEqualTo("rating");
    }
}
