package dev.augur.ui;

import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * For {@code bench startup}: with {@code -Daugur.probe=FILE} the app writes, as one JSON line, how long after the
 * JVM started its window was shown and became interactive (the workspace's datasets listed), with the heap in
 * use, then quits. Without the property it does nothing.
 */
public final class StartupProbe {
    private static final String PROPERTY = "augur.probe";

    private StartupProbe() {
    }

    public static boolean active() {
        return System.getProperty(PROPERTY) != null;
    }

    /** Records the moment {@code stage} is shown, then polls {@code interactive} each pulse until it holds. */
    public static void install(Stage stage, BooleanSupplier interactive) {
        if (!active()) {
            return;
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long[] shown = {-1};
        stage.setOnShown(e -> shown[0] = System.currentTimeMillis() - jvmStart);
        javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (shown[0] >= 0 && interactive.getAsBoolean()) {
                    stop();
                    long ready = System.currentTimeMillis() - jvmStart;
                    String json = String.format(Locale.ROOT, "{\"window_shown_ms\":%d,\"interactive_ms\":%d,\"heap_used_mb\":%d",
                            shown[0], ready, heapUsedMb());
                    if (Boolean.getBoolean("augur.probe.scroll")) {
                        scrollInteractions(stage, json);
                    } else {
                        write(json + "}");
                        Platform.exit();
                    }
                }
            }
        };
        timer.start();
    }

    private static long heapUsedMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    /**
     * Opens the Interactions tab and scrolls it end to end, one screenful of rows per frame, waiting for each
     * stretch to load; then records the heap after a GC and the JVM's peak heap.
     */
    @SuppressWarnings("unchecked")
    private static void scrollInteractions(Stage stage, String json) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) stage.getScene().lookup("#dataset-tabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-interactions".equals(t.getId())).findFirst().orElseThrow());
        long start = System.nanoTime();
        new javafx.animation.AnimationTimer() {
            private int row;

            @Override
            public void handle(long now) {
                var table = (javafx.scene.control.TableView<java.util.List<Object>>) stage.getScene().lookup("#table-interactions");
                int size = table.getItems().size();
                if (size == 0) {
                    return; // still counting
                }
                if (row < size - 1) {
                    if (table.getItems().get(row).get(0) == null) {
                        return; // this stretch is still loading
                    }
                    row = Math.min(size - 1, row + 2_000);
                    table.scrollTo(row);
                    return;
                }
                if (table.getItems().get(size - 1).get(0) == null) {
                    return;
                }
                stop();
                long scrollMs = (System.nanoTime() - start) / 1_000_000;
                System.gc();
                long peak = 0;
                for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                write(json + String.format(Locale.ROOT, ",\"rows\":%d,\"scroll_ms\":%d,\"heap_after_scroll_mb\":%d,"
                        + "\"heap_peak_mb\":%d}", size, scrollMs, heapUsedMb(), peak / (1024 * 1024)));
                Platform.exit();
            }
        }.start();
    }

    static void write(String json) {
        try {
            Files.writeString(Path.of(System.getProperty(PROPERTY)), json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.getLogger(StartupProbe.class.getName()).log(System.Logger.Level.WARNING, "probe: " + e.getMessage());
        }
    }
}
