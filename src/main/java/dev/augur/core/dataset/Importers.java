package dev.augur.core.dataset;

import dev.augur.core.dataset.formats.Amazon2018Importer;
import dev.augur.core.dataset.formats.Amazon2023Importer;
import dev.augur.core.dataset.formats.CsvImporter;
import dev.augur.core.dataset.formats.MindImporter;
import dev.augur.core.dataset.formats.MovieLens100kImporter;
import dev.augur.core.dataset.formats.MovieLens1mImporter;
import dev.augur.core.dataset.formats.MovieLensCsvImporter;
import dev.augur.core.dataset.formats.RecBoleImporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every importer the app knows, and format detection over them. */
public final class Importers {
    public static final List<String> FAMILIES = List.of("auto", "movielens", "amazon", "mind", "recbole", "csv");

    private final List<Importer> all;

    public Importers(List<Importer> all) {
        this.all = List.copyOf(all);
    }

    public static Importers standard() {
        return new Importers(List.of(new MovieLens100kImporter(), new MovieLens1mImporter(), new MovieLensCsvImporter(),
                new Amazon2018Importer(), new Amazon2023Importer(), new MindImporter(), new RecBoleImporter(),
                new CsvImporter()));
    }

    public List<Importer> all() {
        return all;
    }

    /**
     * The best importer for {@code source} within {@code format} (a family, a precise id, or {@code auto}).
     * @throws ImportException naming the source and the formats tried when none fits
     */
    public Detection detect(Path source, String format) {
        String f = format == null ? "auto" : format.toLowerCase(Locale.ROOT);
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        if (!Files.exists(source)) {
            throw new ImportException(new ImportProblem(name, 0, "", "no such file or folder: " + source.toAbsolutePath()));
        }
        List<Importer> candidates = all.stream()
                .filter(i -> f.equals("auto") || i.family().equals(f) || i.id().equals(f))
                .toList();
        if (candidates.isEmpty()) {
            throw new ImportException(new ImportProblem(name, 0, "", "unknown format '" + format + "'; use one of "
                    + String.join(", ", FAMILIES) + " or a precise id: "
                    + all.stream().map(Importer::id).collect(Collectors.joining(", "))));
        }
        Optional<Detection> best = candidates.stream()
                .map(i -> i.detect(source))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(Detection::confidence));
        return best.orElseThrow(() -> new ImportException(new ImportProblem(name, 0, "",
                "not recognised as " + (f.equals("auto") ? "any known format" : f) + ". Known: MovieLens 100K (u.data,"
                        + " u.item), 1M (ratings.dat, movies.dat), latest/25M/32M (ratings.csv, movies.csv); Amazon 2018"
                        + " (*_5.json[.gz], meta_*.json[.gz]) and 2023 (*.jsonl[.gz]); MIND (news.tsv, behaviors.tsv);"
                        + " RecBole (*.inter); generic CSV/TSV with --columns user=...,item=...")));
    }
}
