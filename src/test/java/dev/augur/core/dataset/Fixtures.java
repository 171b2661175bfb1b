package dev.augur.core.dataset;

import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes small input files for importer tests and runs imports into real workspace files. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path write(Path file, String text) {
        return write(file, text, StandardCharsets.UTF_8);
    }

    public static Path write(Path file, String text, Charset cs) {
        return bytes(file, text.getBytes(cs));
    }

    public static Path bytes(Path file, byte[] data) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(String text) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (OutputStream o = new GZIPOutputStream(bo)) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return bo.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code keep} bytes only: a download that stopped early. */
    public static byte[] cut(byte[] data, int dropLast) {
        return Arrays.copyOf(data, data.length - dropLast);
    }

    public static ImportReport importInto(Path workspace, Path source, ImportOptions options) {
        try (Workspace ws = Workspace.open(workspace)) {
            return new ImportService(Importers.standard()).run(ws, source, options, TaskMonitor.NONE);
        }
    }

    /** Six items with text (three kitchen, three outdoor) and one without, two users, three reviews: dataset "shop". */
    public static void writeShop(dev.augur.core.store.Workspace ws) {
        String[][] items = {
                {"k1", "Copper Tea Kettle", "A stovetop kettle that whistles when the water boils.", "[\"kitchen\",\"tea\"]"},
                {"k2", "Glass Teapot", "Brews loose-leaf tea; the infuser lifts out.", "[\"kitchen\",\"tea\"]"},
                {"k3", "Espresso Tamper", "Packs ground coffee evenly into the portafilter.", "[\"kitchen\",\"coffee\"]"},
                {"g1", "Trail Running Shoes", "Grippy soles for muddy mountain paths.", "[\"outdoor\",\"running\"]"},
                {"g2", "Hiking Backpack", "A 30 litre pack with a rain cover for day hikes.", "[\"outdoor\",\"hiking\"]"},
                {"g3", "Camping Stove", "Folding gas burner for cooking at the campsite.", "[\"outdoor\",\"camping\"]"},
                {"c1", "", "", "[]"}, // nothing to encode
        };
        try (dev.augur.core.store.DatasetWriter w = ws.newDataset("shop", "test", null)) {
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
    }
}
