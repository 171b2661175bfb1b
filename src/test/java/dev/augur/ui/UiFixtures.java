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
        try (Workspace ws = Workspace.open(file)) {
            dev.augur.core.dataset.Fixtures.writeShop(ws);
        }
        return file;
    }
}
