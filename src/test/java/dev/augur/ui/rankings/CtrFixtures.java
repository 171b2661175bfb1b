package dev.augur.ui.rankings;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.store.Generation;
import dev.augur.core.store.ItemCatalog;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A film workspace where whether a user likes a film depends on its hidden mood (dark or light), which neither
 * the ids' popularity nor the genre reveals but an LLM-generated attribute ({@code mood}) does: 90 films, 200
 * users with 25 ratings each, even users liking dark films, 10% noise. It has no vectors.
 */
final class CtrFixtures {
    static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Animation"};

    private CtrFixtures() {
    }

    /** Imports the ratings into {@code dir}/moods.augur and stores each film's generated mood; returns the file. */
    static Path moods(Path dir) throws IOException {
        Path d = dir.resolve("ml");
        Files.createDirectories(d);
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (int i = 1; i <= 90; i++) {
            movies.append(i).append(",Film ").append(i).append(" (2000),").append(GENRES[i % 5]).append('\n');
        }
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        SplittableRandom rnd = new SplittableRandom(4);
        for (int u = 1; u <= 200; u++) {
            boolean likesDark = u % 2 == 0;
            boolean[] seen = new boolean[91];
            for (int j = 0; j < 25; j++) {
                int m;
                do {
                    m = 1 + rnd.nextInt(90);
                } while (seen[m]);
                seen[m] = true;
                boolean likes = (m % 3 == 0 == likesDark) ^ (rnd.nextDouble() < 0.1);
                ratings.append(u).append(',').append(m).append(',')
                        .append(likes ? 4 + rnd.nextInt(2) : 1 + rnd.nextInt(3)).append(".0,")
                        .append(1_000_000 + j).append('\n');
            }
        }
        Files.writeString(d.resolve("movies.csv"), movies);
        Files.writeString(d.resolve("ratings.csv"), ratings);
        Path file = dir.resolve("moods.augur");
        try (Workspace ws = Workspace.open(file)) {
            new ImportService(Importers.standard()).run(ws, d, ImportOptions.defaults(), TaskMonitor.NONE);
            long id = ws.read().datasets().get(0).id();
            ItemCatalog items = ws.interactions().catalog(id);
            for (int i = 0; i < items.size(); i++) {
                int movie = Integer.parseInt(items.externalIds()[i]);
                String json = "{\"mood\": \"" + (movie % 3 == 0 ? "dark" : "light") + "\", \"themes\": [\"film\"]}";
                ws.generations().put(Generation.imported(id, "item", items.ids()[i], CtrViewModel.ATTRIBUTES_TEMPLATE,
                        "test-llm", "", json, json, "moods.jsonl", i + 1));
            }
        }
        return file;
    }
}
