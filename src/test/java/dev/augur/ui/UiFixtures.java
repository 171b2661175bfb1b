package dev.augur.ui;

import dev.augur.core.store.DatasetWriter;
import dev.augur.core.store.Workspace;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** View-model tests without a stage: the JavaFX thread (started through TestFX), and a tiny shop workspace. */
public final class UiFixtures {
    public static final String DATASET = "shop";

    private UiFixtures() {
    }

    /** Starts the JavaFX toolkit once (job callbacks run on its thread); no window is shown. */
    public static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code c} on the JavaFX thread and returns its result. */
    public static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    public static void fx(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until {@code condition}, evaluated on the JavaFX thread, holds. */
    public static void waitFx(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    /** Six items with text (three kitchen, three outdoor) and one without, two users, three reviews. */
    public static Path shopWorkspace(Path file) {
        String[][] items = {
                {"k1", "Copper Tea Kettle", "A stovetop kettle that whistles when the water boils.", "[\"kitchen\",\"tea\"]"},
                {"k2", "Glass Teapot", "Brews loose-leaf tea; the infuser lifts out.", "[\"kitchen\",\"tea\"]"},
                {"k3", "Espresso Tamper", "Packs ground coffee evenly into the portafilter.", "[\"kitchen\",\"coffee\"]"},
                {"g1", "Trail Running Shoes", "Grippy soles for muddy mountain paths.", "[\"outdoor\",\"running\"]"},
                {"g2", "Hiking Backpack", "A 30 litre pack with a rain cover for day hikes.", "[\"outdoor\",\"hiking\"]"},
                {"g3", "Camping Stove", "Folding gas burner for cooking at the campsite.", "[\"outdoor\",\"camping\"]"},
                {"c1", "", "", "[]"},
        };
        try (Workspace ws = Workspace.open(file); DatasetWriter w = ws.newDataset(DATASET, "test", null)) {
            int u1 = w.user("u1");
            int u2 = w.user("u2");
            for (String[] it : items) {
                w.putItem(it[0], it[1], it[2], it[3], "{}");
            }
            w.review(u1, w.item("k1"), 5, 1, "Great kettle", "Boils fast and whistles loudly.", "{}");
            w.review(u1, w.item("k2"), 4, 2, "Nice pot", "Good for green tea.", "{}");
            w.review(u2, w.item("g1"), 5, 3, "", "Comfortable on long trail runs.", "{}");
            w.commit(d -> "{}");
        }
        return file;
    }
}
