package dev.augur.ui.rankings;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.store.DatasetWriter;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A shop workspace with enough history to rank: the shop fixture's kitchen and outdoor items and a few more of each
 * (20 in all), and 40 users who each buy 6–8 items, mostly from one of the two aisles, in time order. The shop
 * fixture itself has three interactions, too few to hold any out.
 */
final class RankingsFixtures {
    static final String DATASET = "shop";
    static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        String[][] items = {
                {"k1", "Copper Tea Kettle"}, {"k2", "Glass Teapot"}, {"k3", "Espresso Tamper"},
                {"k4", "Milk Frother"}, {"k5", "Pour-over Dripper"}, {"k6", "Burr Coffee Grinder"},
                {"k7", "Tea Caddy"}, {"k8", "Cast Iron Skillet"}, {"k9", "Chef's Knife"}, {"k10", "Cutting Board"},
                {"g1", "Trail Running Shoes"}, {"g2", "Hiking Backpack"}, {"g3", "Camping Stove"},
                {"g4", "Head Torch"}, {"g5", "Trekking Poles"}, {"g6", "Sleeping Bag"}, {"g7", "Rain Jacket"},
                {"g8", "Water Filter"}, {"g9", "Tent, 2-person"}, {"g10", "Camp Mug"},
        };
        for (String[] it : items) {
            TITLES.put(it[0], it[1]);
        }
    }

    private RankingsFixtures() {
    }

    static Path shopLog(Path file) {
        SplittableRandom rnd = new SplittableRandom(11);
        try (Workspace ws = Workspace.open(file);
             DatasetWriter w = ws.newDataset(DATASET, "test", null)) {
            TITLES.forEach((id, title) -> w.putItem(id, title, "", id.startsWith("k") ? "[\"kitchen\"]"
                    : "[\"outdoor\"]", "{}"));
            for (int u = 0; u < 40; u++) {
                int user = w.user("u" + (u + 1));
                String aisle = u % 2 == 0 ? "k" : "g";
                String other = u % 2 == 0 ? "g" : "k";
                // a skewed pick within the aisle, so some items are popular; one stray item from the other aisle
                List<String> picks = new ArrayList<>();
                int n = 6 + rnd.nextInt(3);
                while (picks.size() < n - 1) {
                    String id = aisle + (1 + Math.min(rnd.nextInt(10), rnd.nextInt(10)));
                    if (!picks.contains(id)) {
                        picks.add(id);
                    }
                }
                picks.add(rnd.nextInt(picks.size()), other + (1 + rnd.nextInt(10)));
                long ts = 1_600_000_000L + u * 1000L;
                for (String id : picks) {
                    w.interaction(user, w.item(id), 1.0, ts++, -1);
                }
            }
            w.commit(d -> "{}");
        }
        return file;
    }

    /** The registry plus a co-occurrence model that explains itself by history items. */
    static Recommenders recommenders() {
        return new Recommenders().with("cooc", p -> new CoOccurrence());
    }

    /** Scores an item by how often it was bought together with the user's training items. */
    static final class CoOccurrence implements Recommender {
        private Csr train;
        private Csr byItem;

        @Override public String name() {
            return "cooc";
        }

        @Override public Map<String, Object> params() {
            return Map.of();
        }

        @Override public void fit(TrainingData data, TaskMonitor monitor) {
            train = data.train();
            byItem = data.trainByItem();
        }

        private float together(int a, int b) {
            int n = 0;
            for (int p = byItem.indptr()[a]; p < byItem.indptr()[a + 1]; p++) {
                if (train.contains(byItem.indices()[p], b)) {
                    n++;
                }
            }
            return n;
        }

        @Override public void score(int user, float[] scores) {
            for (int i = 0; i < scores.length; i++) {
                float s = 0;
                for (int p = train.indptr()[user]; p < train.indptr()[user + 1]; p++) {
                    s += together(i, train.indices()[p]);
                }
                scores[i] = s;
            }
        }

        @Override public List<Reason> explain(int user, int item, int max) {
            List<Reason> out = new ArrayList<>();
            for (int p = train.indptr()[user]; p < train.indptr()[user + 1]; p++) {
                int h = train.indices()[p];
                float t = together(item, h);
                if (t > 0) {
                    out.add(Reason.item(h, t));
                }
            }
            out.sort(Comparator.comparingDouble(Reason::contribution).reversed());
            return out.subList(0, Math.min(max, out.size()));
        }
    }

    /** A model whose fitting waits until it is cancelled. */
    static final class UntilCancelled implements Recommender {
        @Override public String name() {
            return "slow";
        }

        @Override public Map<String, Object> params() {
            return Map.of();
        }

        @Override public void fit(TrainingData data, TaskMonitor monitor) {
            while (!monitor.isCancelled()) {
                Thread.onSpinWait();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            monitor.checkCancelled();
        }

        @Override public void score(int user, float[] scores) {
        }
    }
}
