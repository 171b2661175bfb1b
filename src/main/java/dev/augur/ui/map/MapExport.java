package dev.augur.ui.map;

import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.core.task.TaskMonitor;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The map page's exports, each a job: the selected items as a CSV file, a picture of the maps as a PNG file. */
final class MapExport {
    private final TaskExecutor tasks;

    MapExport(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** The items {@code ids} as map {@code m} has them (id, external_id, title, category, popularity, x, y). */
    Job<Path> selectionCsv(LoadedMap m, long[] ids, Path file) {
        return tasks.submit("Export map selection to " + file.getFileName(), t -> {
            writeCsv(m, ids, file, t);
            return file;
        });
    }

    static void writeCsv(LoadedMap m, long[] ids, Path file, TaskMonitor monitor) throws IOException {
        int[] rows = m == null ? new int[0] : Arrays.stream(ids).mapToInt(m::indexOf).filter(i -> i >= 0).sorted().toArray();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,external_id,title,category,popularity,x,y\n");
            MapPoints p = rows.length == 0 ? null : m.points();
            for (int k = 0; k < rows.length; k++) {
                if ((k & 0xFFFF) == 0) {
                    monitor.checkCancelled();
                    monitor.progress(k, rows.length);
                }
                int i = rows[k];
                w.write(Long.toString(p.ids()[i]));
                w.write(',');
                w.write(csv(p.externalIds()[i]));
                w.write(',');
                w.write(csv(p.titles()[i]));
                w.write(',');
                w.write(csv(p.category()[i]));
                w.write(',');
                w.write(Integer.toString(p.popularity()[i]));
                w.write(',');
                w.write(Float.toString(p.x(i)));
                w.write(',');
                w.write(Float.toString(p.y(i)));
                w.write('\n');
            }
        }
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Writes {@code snapshot} (taken on the JavaFX thread) to a PNG file in the background. */
    Job<Path> png(Image snapshot, Path file) {
        return tasks.submit("Export map image to " + file.getFileName(), t -> {
            int w = (int) snapshot.getWidth();
            int h = (int) snapshot.getHeight();
            BufferedImage image = SwingFXUtils.fromFXImage(snapshot, new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB));
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return file;
        });
    }
}
