package dev.augur.core.dataset.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of an Amazon source, recognised by their first line: metadata files (read first) and review
 * files, one of each per category, plus warnings for the import (a review file without metadata, a file
 * left out because another holds the same category).
 * @param name the category when there is one, e.g. {@code Gift_Cards}; otherwise the folder's name
 */
record AmazonLayout(Path source, List<Path> meta, List<Path> reviews, List<String> warnings, String name) {
    private static final String[] EXTENSIONS = {".json.gz", ".json", ".jsonl.gz", ".jsonl"};

    List<Path> files() {
        return Stream.concat(meta.stream(), reviews.stream()).toList();
    }

    String describe(String label) {
        List<String> names = files().stream().map(p -> p.getFileName().toString()).toList();
        String shown = names.size() <= 4 ? String.join(" + ", names)
                : String.join(" + ", names.subList(0, 3)) + " + " + (names.size() - 3) + " more";
        return label + " (" + shown + (reviews.isEmpty() ? ", metadata only" : "") + ")";
    }

    static Optional<AmazonLayout> find(Path source, AmazonSchema schema) {
        if (Files.isDirectory(source)) {
            return folder(source, schema);
        }
        if (!Files.isRegularFile(source) || !AmazonJsonLines.isJsonLinesName(source.getFileName().toString())) {
            return Optional.empty();
        }
        AmazonSchema.Kind kind = kindOf(source, schema);
        if (kind == AmazonSchema.Kind.META) {
            return Optional.of(new AmazonLayout(source, List.of(source), List.of(), List.of(), category(source, kind)));
        }
        if (kind != AmazonSchema.Kind.REVIEWS) {
            return Optional.empty();
        }
        String category = category(source, kind);
        Path dir = source.toAbsolutePath().getParent();
        for (String ext : EXTENSIONS) {
            Path meta = dir.resolve("meta_" + category + ext);
            if (Files.isRegularFile(meta) && kindOf(meta, schema) == AmazonSchema.Kind.META) {
                return Optional.of(new AmazonLayout(source, List.of(meta), List.of(source), List.of(), category));
            }
        }
        return Optional.of(new AmazonLayout(source, List.of(), List.of(source),
                List.of(noMetaWarning(source, category)), category));
    }

    private static Optional<AmazonLayout> folder(Path dir, AmazonSchema schema) {
        Map<String, List<Path>> meta = new TreeMap<>();
        Map<String, List<Path>> reviews = new TreeMap<>();
        for (Path f : jsonFiles(dir)) {
            AmazonSchema.Kind kind = kindOf(f, schema);
            if (kind != null) {
                (kind == AmazonSchema.Kind.META ? meta : reviews)
                        .computeIfAbsent(category(f, kind), k -> new ArrayList<>()).add(f);
            }
        }
        if (meta.isEmpty() && reviews.isEmpty()) {
            return Optional.empty();
        }
        List<String> warnings = new ArrayList<>();
        List<Path> metaFiles = pick(meta, warnings);
        List<Path> reviewFiles = pick(reviews, warnings);
        reviews.keySet().stream().filter(c -> !meta.containsKey(c))
                .forEach(c -> warnings.add(noMetaWarning(reviews.get(c).get(0), c)));
        Set<String> categories = new LinkedHashSet<>(reviews.keySet());
        categories.addAll(meta.keySet());
        String name = categories.size() == 1 ? categories.iterator().next()
                : dir.toAbsolutePath().getFileName().toString();
        return Optional.of(new AmazonLayout(dir, metaFiles, reviewFiles, List.copyOf(warnings), name));
    }

    /**
     * One file per category. A 5-core review file wins over the full one (it is a subset of it, so reading
     * both would count reviews twice), and a gzip over its uncompressed copy.
     */
    private static List<Path> pick(Map<String, List<Path>> byCategory, List<String> warnings) {
        Comparator<Path> preference = Comparator
                .comparing((Path p) -> !AmazonJsonLines.stem(p.getFileName().toString()).endsWith("_5"))
                .thenComparing(p -> !p.getFileName().toString().endsWith(".gz"))
                .thenComparing(p -> p.getFileName().toString());
        List<Path> chosen = new ArrayList<>();
        byCategory.forEach((category, files) -> {
            List<Path> sorted = files.stream().sorted(preference).toList();
            chosen.add(sorted.get(0));
            sorted.stream().skip(1).forEach(f -> warnings.add(f.getFileName() + " left out: "
                    + sorted.get(0).getFileName() + " is read for category " + category));
        });
        return chosen;
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> AmazonJsonLines.isJsonLinesName(p.getFileName().toString()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static AmazonSchema.Kind kindOf(Path file, AmazonSchema schema) {
        return AmazonJsonLines.first(file).map(schema::kindOf).orElse(null);
    }

    /** {@code meta_Gift_Cards.json.gz} and {@code Gift_Cards_5.json} are both category {@code Gift_Cards}. */
    static String category(Path file, AmazonSchema.Kind kind) {
        String stem = AmazonJsonLines.stem(file.getFileName().toString());
        if (kind == AmazonSchema.Kind.META) {
            return stem.startsWith("meta_") && stem.length() > 5 ? stem.substring(5) : stem;
        }
        return stem.endsWith("_5") && stem.length() > 2 ? stem.substring(0, stem.length() - 2) : stem;
    }

    private static String noMetaWarning(Path reviews, String category) {
        return reviews.getFileName() + ": no meta_" + category + " file beside it; its items will have no titles,"
                + " descriptions or categories";
    }
}
