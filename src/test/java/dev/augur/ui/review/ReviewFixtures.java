package dev.augur.ui.review;

import dev.augur.core.store.DatasetWriter;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.Workspace;
import dev.augur.ui.UiFixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shop of {@code UiFixtures} with three observed ratings (u1: k1 5★ and k2 4★, u2: g1 5★) and a synthetic
 * proposal for each of the other eleven (user, item) pairs.
 */
final class ReviewFixtures {
    static final List<String> USERS = List.of("u1", "u2");
    static final List<String> ITEMS = List.of("k1", "k2", "k3", "g1", "g2", "g3", "c1");

    /** The workspace, its dataset id and the proposals' interaction ids in the order they were stored. */
    record Made(Path file, long datasetId, List<Long> ids) {
    }

    private ReviewFixtures() {
    }

    /**
     * Proposal n (over users, then items) proposes rating {@code 1 + n % 5} with confidence rising with n, by model
     * "tiny" (even n) or "big" (odd n); the observed pairs are dropped by the store.
     */
    static Made shopWithProposals(Path file) {
        try (Workspace ws = Workspace.open(file)) {
            writeShop(ws);
            long ds = ws.read().datasetId(UiFixtures.DATASET).orElseThrow();
            List<SyntheticProposal> proposals = new ArrayList<>();
            int n = 0;
            for (String u : USERS) {
                long user = ws.read().entityId(ds, "user", u).orElseThrow();
                for (String i : ITEMS) {
                    long item = ws.read().entityId(ds, "item", i).orElseThrow();
                    proposals.add(new SyntheticProposal(user, item, 1 + n % 5, "llm", "cold-items",
                            n % 2 == 0 ? "tiny" : "big", 0.05 + 0.9 * n / 13.0, u + " would like " + i, 0.3, 0.1, 0,
                            "", 0));
                    n++;
                }
            }
            return new Made(file, ds, ws.synthetic().add(ds, proposals).ids());
        }
    }

    /** The shop's items (as {@code Fixtures.writeShop} has them) with three observed ratings. */
    static void writeShop(Workspace ws) {
        String[][] items = {
                {"k1", "Copper Tea Kettle", "A stovetop kettle that whistles when the water boils.", "[\"kitchen\",\"tea\"]"},
                {"k2", "Glass Teapot", "Brews loose-leaf tea; the infuser lifts out.", "[\"kitchen\",\"tea\"]"},
                {"k3", "Espresso Tamper", "Packs ground coffee evenly into the portafilter.", "[\"kitchen\",\"coffee\"]"},
                {"g1", "Trail Running Shoes", "Grippy soles for muddy mountain paths.", "[\"outdoor\",\"running\"]"},
                {"g2", "Hiking Backpack", "A 30 litre pack with a rain cover for day hikes.", "[\"outdoor\",\"hiking\"]"},
                {"g3", "Camping Stove", "Folding gas burner for cooking at the campsite.", "[\"outdoor\",\"camping\"]"},
                {"c1", "", "", "[]"},
        };
        try (DatasetWriter w = ws.newDataset(UiFixtures.DATASET, "test", null)) {
            int u1 = w.user("u1");
            int u2 = w.user("u2");
            for (String[] it : items) {
                w.putItem(it[0], it[1], it[2], it[3], "{}");
            }
            w.interaction(u1, w.item("k1"), 5, 1_600_000_000L, -1);
            w.interaction(u1, w.item("k2"), 4, 1_600_100_000L, -1);
            w.interaction(u2, w.item("g1"), 5, 1_600_200_000L, -1);
            w.commit(d -> "{}");
        }
    }
}
