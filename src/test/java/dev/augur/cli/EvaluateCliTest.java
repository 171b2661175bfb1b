package dev.augur.cli;

import dev.augur.core.rank.RankingFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static dev.augur.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/** evaluate and recommend as an analyst runs them, on a MovieLens-format folder with planted taste clusters. */
class EvaluateCliTest {
    @TempDir
    Path dir;
    Path ws;

    @BeforeEach
    void importData() {
        Path data = RankingFixtures.movieLens(dir.resolve("ml"), 120, 100, 15, 3);
        ws = dir.resolve("w.augur");
        CliTest.Run imp = cli("import", data.toString(), "--workspace", ws.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
    }

    @Test
    void evaluateReportsEveryMetricPerModelWithTheProtocolAndStoresTheRun() throws Exception {
        CliTest.Run run = cli("evaluate", "--workspace", ws.toString(), "--split", "random:0.8,0.1,0.1", "--models",
                "pop", "--k", "5,10", "--seed", "7", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = run.json();
        JsonNode pop = r.get("models").get("pop");
        for (String m : new String[] {"ndcg@10", "recall@10", "precision@5", "hr@10", "mrr@10", "map@10", "gauc",
                "coverage@10", "gini@10", "avg_pop@10", "fit_seconds", "eval_seconds"}) {
            assertThat(pop.has(m)).as(m).isTrue();
        }
        assertThat(pop.get("ndcg@10").asDouble()).isBetween(0.0, 1.0);
        assertThat(pop.get("recall@10").asDouble()).isGreaterThanOrEqualTo(pop.get("recall@5").asDouble());
        assertThat(pop.get("slices").has("cold-items")).isTrue();
        assertThat(pop.get("slices").get("users:6-20").get("users").asInt()).isPositive();
        assertThat(r.get("protocol").get("split").asText()).isEqualTo("random:0.8,0.1,0.1");
        assertThat(r.get("protocol").get("mode").asText()).isEqualTo("full");
        assertThat(r.get("protocol").get("seed").asLong()).isEqualTo(7);

        JsonNode again = cli("evaluate", "-w", ws.toString(), "--models", "pop", "--seed", "7", "--k", "5,10",
                "--json").json();
        assertThat(again.get("run_id").asLong()).isEqualTo(r.get("run_id").asLong() + 1);
        assertThat(again.get("models").get("pop").get("ndcg@10").asDouble())
                .isEqualTo(pop.get("ndcg@10").asDouble());
    }

    @Test
    void sampledModeIsLabelledInTheProtocolAndTheTable() {
        CliTest.Run run = cli("evaluate", "-w", ws.toString(), "--models", "pop", "--mode", "sampled:20",
                "--split", "leave-last-out");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("SAMPLED");
    }

    @Test
    void badSplitsModelsAndParamsAreExplained() {
        CliTest.Run split = cli("evaluate", "-w", ws.toString(), "--split", "halves");
        assertThat(split.exit()).isNotZero();
        assertThat(split.err()).contains("unknown split 'halves'").contains("leave-last-out");
        CliTest.Run model = cli("evaluate", "-w", ws.toString(), "--models", "pop,magic");
        assertThat(model.exit()).isNotZero();
        assertThat(model.err()).contains("unknown model 'magic'");
        CliTest.Run param = cli("evaluate", "-w", ws.toString(), "--models", "pop", "--param", "pop.depth=3");
        assertThat(param.exit()).isNotZero();
        assertThat(param.err()).contains("pop has no parameter 'depth'");
    }

    @Test
    void recommendListsUnseenItemsWithReasons() throws Exception {
        CliTest.Run run = cli("recommend", "-w", ws.toString(), "--user", "3", "--model", "pop", "--k", "5", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode items = run.json().get("items");
        assertThat(items.size()).isEqualTo(5);
        Set<String> ids = new HashSet<>();
        for (JsonNode i : items) {
            ids.add(i.get("id").asText());
            assertThat(i.get("title").asText()).contains("story number");
            assertThat(i.get("why").size()).isPositive();
        }
        assertThat(ids).hasSize(5);
        CliTest.Run unknown = cli("recommend", "-w", ws.toString(), "--user", "no-such-user", "--model", "pop");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("no user 'no-such-user'");
    }

    @Test
    void collaborativeModelsBeatPopularityOnPlantedTastes() throws Exception {
        CliTest.Run run = cli("evaluate", "-w", ws.toString(), "--models", "pop,itemknn,bpr,als", "--split",
                "random:0.8,0.1,0.1", "--k", "10", "--param", "bpr.epochs=40", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode models = run.json().get("models");
        double pop = models.get("pop").get("ndcg@10").asDouble();
        for (String m : new String[] {"itemknn", "bpr", "als"}) {
            assertThat(models.get(m).get("ndcg@10").asDouble()).as(m).isGreaterThan(pop * 1.2);
            assertThat(models.get(m).get("params").size()).as(m).isPositive();
        }
        assertThat(models.get("bpr").get("params").get("epochs").asInt()).isEqualTo(40);
    }

    @Test
    void ctrComparesTheBaseWithAnAddedGroupAndExplainsMissingFeatures() throws Exception {
        CliTest.Run missing = cli("ctr", "-w", ws.toString(), "--features", "text");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("item text vectors").contains("augur encode");
        assertThat(cli("encode", "-w", ws.toString(), "--target", "items", "--model", "minilm-q").exit()).isZero();
        CliTest.Run run = cli("ctr", "-w", ws.toString(), "--features", "text", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.toString()).contains("\"base\"").contains("+text").contains("logloss").contains("rela_impr_pct");
        assertThat(r.get("sources").get("text").asText()).endsWith(":minilm-q");
        assertThat(r.get("run_id").asLong()).isPositive();
    }

    @Test
    void llmRerankerRunsOnASampleOfUsersCountsItsIdsAndAnsweredUsersCostNoCallTheSecondTime() throws Exception {
        Path gguf = dev.augur.core.llm.TinyGguf.write(dir.resolve("tiny.gguf"));
        String[] args = {"evaluate", "-w", ws.toString(), "--models", "pop,llm-rerank", "--max-users", "4",
            "--split", "leave-last-out", "--param", "llm-rerank.retriever=pop", "--param", "llm-rerank.candidates=5",
            "--llm-gguf", gguf.toString(), "--json"};
        CliTest.Run first = cli(args);
        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode r = first.json();
        assertThat(r.get("protocol").get("max_users").asInt()).isEqualTo(4);
        JsonNode llm = r.get("models").get("llm-rerank");
        assertThat(llm.get("users").asInt()).isEqualTo(4);
        assertThat(llm.get("rerank_users").asInt()).isEqualTo(4);
        assertThat(llm.get("rerank_calls").asInt()).isEqualTo(4);
        // a random-weight model repeats candidate numbers: repeats and the candidates it left out balance
        assertThat(llm.get("rerank_duplicate").asInt()).isEqualTo(llm.get("rerank_missing").asInt());
        assertThat(llm.get("params").get("retriever").asText()).isEqualTo("pop");

        JsonNode again = cli(args).json().get("models").get("llm-rerank");
        assertThat(again.get("rerank_calls").asInt()).isZero();
        assertThat(again.get("rerank_cache_hits").asInt()).isEqualTo(4);
        assertThat(again.get("ndcg@10").asDouble()).isEqualTo(llm.get("ndcg@10").asDouble());

        CliTest.Run noLlm = cli("evaluate", "-w", ws.toString(), "--models", "llm-rerank");
        assertThat(noLlm.exit()).isNotZero();
        assertThat(noLlm.err()).contains("needs an LLM").contains("--llm-gguf");
    }
}
