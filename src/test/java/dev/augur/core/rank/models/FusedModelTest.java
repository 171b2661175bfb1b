package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.augur.core.rank.models.TextCatalog.fitted;
import static dev.augur.core.rank.models.TextCatalog.recall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FusedModelTest {
    private static TextCatalog catalog;

    /** The defaults with fewer epochs than automatic (which would run 500 on this small catalogue): faster tests. */
    private static FusedModel fused() {
        return new FusedModel(FusedModel.Params.DEFAULTS.withEpochs(60));
    }

    @BeforeAll
    static void catalog() {
        catalog = new TextCatalog(7, 400, 600, 6, 32, 30);
    }

    @Test
    void beatsPopularityAndContentOnWarmItems() {
        Split split = catalog.split("random:0.8,0.1,0.1", 3);
        TrainingData data = TextCatalog.training(split, catalog.side());

        double fused = recall(split, fitted(fused(), data), 10);
        double content = recall(split, fitted(new ContentModel(), data), 10);
        double pop = recall(split, fitted(new Popularity(), data), 10);

        // the text shows only a user's themes; interactions also show the clique, which only fused uses with them
        assertThat(fused).as("fused %.3f, content %.3f, pop %.3f", fused, content, pop)
                .isGreaterThan(1.5 * Math.max(content, pop));
    }

    @Test
    void ranksColdItemsByTheirTextWhereIdOnlyModelsCannot() {
        Split split = catalog.split("cold-items:0.1", 3);
        TrainingData data = TextCatalog.training(split, catalog.side());

        double fused = recall(split, fitted(fused(), data), 10);
        double idOnly = recall(split, fitted(fused(), TextCatalog.training(split, catalog.noText())), 10);
        double bpr = recall(split, fitted(new Bpr(Bpr.Params.DEFAULTS.withEpochs(60)), data), 10);
        double pop = recall(split, fitted(new Popularity(), data), 10);

        assertThat(fused).as("fused %.3f, id only %.3f, bpr %.3f, pop %.3f", fused, idOnly, bpr, pop)
                .isGreaterThan(idOnly + 0.02).isGreaterThan(bpr + 0.02).isGreaterThan(pop + 0.02);
    }

    @Test
    void aColdItemScoresByTextAloneAndOneWithoutTextCannotBeRanked() {
        Split split = catalog.split("cold-items:0.1", 3);
        SideInformation side = catalog.side();
        boolean[] has = side.hasText().clone();
        boolean[] cold = split.coldItems();
        int coldWithout = -1;
        for (int i = 0; i < cold.length && coldWithout < 0; i++) {
            if (cold[i]) {
                coldWithout = i;
                has[i] = false;
            }
        }
        FusedModel m = fused();
        m.fit(TextCatalog.training(split, side.withText(side.dims(), side.itemText(), has, "test")), TaskMonitor.NONE);

        float[] s = new float[catalog.numItems];
        m.score(0, s);
        assertThat(s[coldWithout]).isEqualTo(Float.NEGATIVE_INFINITY);
        for (int i = 0; i < cold.length; i++) {
            if (cold[i] && i != coldWithout) {
                assertThat(s[i]).isFinite();
                List<Reason> why = m.explain(0, i, 2);
                double id = why.stream().filter(r -> r.label().startsWith("collaborative")).findFirst().orElseThrow()
                        .contribution();
                double text = why.stream().filter(r -> r.label().startsWith("text")).findFirst().orElseThrow()
                        .contribution();
                assertThat(id).isZero();
                assertThat(text).isCloseTo(s[i], within(1e-4));
            }
        }
    }

    @Test
    void explainsWithIdAndTextPartsThatAddUpThenNearHistoryItems() {
        Split split = catalog.split("random:0.8,0.1,0.1", 3);
        FusedModel m = fused();
        m.fit(TextCatalog.training(split, catalog.side()), TaskMonitor.NONE);
        float[] s = new float[catalog.numItems];
        m.score(5, s);
        int item = 0;
        while (split.train().contains(5, item) || split.train().columnCounts()[item] == 0) {
            item++;
        }
        List<Reason> why = m.explain(5, item, 5);
        assertThat(why).hasSize(5);
        double parts = why.stream().filter(r -> r.historyItem() < 0).mapToDouble(Reason::contribution).sum();
        assertThat(parts).isCloseTo(s[item], within(1e-3));
        assertThat(why.subList(2, 5)).allSatisfy(r -> assertThat(split.train().contains(5, r.historyItem())).isTrue());
        assertThat(why.get(2).contribution()).isGreaterThanOrEqualTo(why.get(4).contribution());
    }

    @Test
    void oneThreadAndOneSeedGiveTheSameModel() {
        Split split = catalog.split("random:0.8,0.1,0.1", 3);
        TrainingData data = new TrainingData(split.train(), split.train().transpose(), catalog.side(), 11, 1);
        float[] a = new float[catalog.numItems];
        float[] b = new float[catalog.numItems];
        fitted(fused(), data).score(3, a);
        fitted(fused(), data).score(3, b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void readsItsParametersAndRejectsUnknownOnes() {
        FusedModel.Params p = FusedModel.Params.of(Map.of("factors", "16", "shrinkage", "0"));
        assertThat(p.factors()).isEqualTo(16);
        assertThat(p.shrinkage()).isZero();
        assertThat(p.epochs()).isEqualTo(FusedModel.Params.DEFAULTS.epochs());
        assertThat(new FusedModel(p).params()).containsEntry("factors", 16).containsEntry("shrinkage", 0.0)
                .containsEntry("epochs", "auto");
        assertThatThrownBy(() -> FusedModel.Params.of(Map.of("dim", "16")))
                .hasMessageContaining("no parameter 'dim'").hasMessageContaining("factors, epochs");
        assertThatThrownBy(() -> FusedModel.Params.of(Map.of("lr", "fast")))
                .hasMessageContaining("fused.lr must be a number");
        assertThatThrownBy(() -> FusedModel.Params.of(Map.of("ridge", "0")))
                .hasMessageContaining("ridge must be > 0");
    }

    @Test
    void withoutTextVectorsItSaysToEncodeFirst() {
        Csr train = Csr.of(1, 3, new int[] {0}, new int[] {0}, new float[] {1}, null);
        TrainingData d = new TrainingData(train, train.transpose(), SideInformation.none(3), 1, 1);
        assertThatThrownBy(() -> new FusedModel().fit(d, TaskMonitor.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("encode item texts first");
    }

    @Test
    void stopsWhenCancelled() {
        Split split = catalog.split("random:0.8,0.1,0.1", 3);
        TaskMonitor cancelled = new TaskMonitor() {
            @Override public void progress(long done, long total) {
            }

            @Override public void message(String message) {
            }

            @Override public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> fused().fit(TextCatalog.training(split, catalog.side()), cancelled))
                .isInstanceOf(TaskCancelledException.class);
    }
}
