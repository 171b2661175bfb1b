package dev.augur.core.synth;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.llm.LlmResponse;
import dev.augur.core.store.DatasetWriter;
import dev.augur.core.store.StoredVector;
import dev.augur.core.store.Workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A dataset with planted tastes: four genres; user u{n} mostly watches (and rates highly) genre n % 4; items
 * g{genre}-{k} have interactions, cold-{genre}-{k} have none; s{n} are short users with two interactions. Every
 * item has a text vector that points at its genre (with a little noise), as an encoder would give.
 */
final class SynthFixtures {
    static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror"};

    private SynthFixtures() {
    }

    /** Writes the dataset "tastes" into {@code ws} (with item vectors when {@code vectors}) and returns its id. */
    static long tastes(Workspace ws, int users, int itemsPerGenre, int coldPerGenre, int shortUsers, boolean vectors) {
        SplittableRandom rnd = new SplittableRandom(11);
        long datasetId;
        List<String> items = new ArrayList<>();
        try (DatasetWriter w = ws.newDataset("tastes", "test", null)) {
            datasetId = w.datasetId();
            for (int g = 0; g < GENRES.length; g++) {
                for (int k = 0; k < itemsPerGenre; k++) {
                    String id = "g" + g + "-" + k;
                    w.putItem(id, GENRES[g] + " film " + k, "A " + GENRES[g].toLowerCase() + " story.",
                            "[\"" + GENRES[g] + "\"]", "{}");
                    items.add(id);
                }
                for (int k = 0; k < coldPerGenre; k++) {
                    String id = "cold-" + g + "-" + k;
                    w.putItem(id, "New " + GENRES[g] + " film " + k, "A new " + GENRES[g].toLowerCase() + " story.",
                            "[\"" + GENRES[g] + "\"]", "{}");
                    items.add(id);
                }
            }
            for (int u = 0; u < users; u++) {
                int user = w.user("u" + u);
                int taste = u % GENRES.length;
                int n = 6 + rnd.nextInt(7);
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                for (int j = 0; j < n; j++) {
                    int g = rnd.nextDouble() < 0.9 ? taste : rnd.nextInt(GENRES.length);
                    int k = rnd.nextInt(itemsPerGenre);
                    if (!seen.add(g * 1000 + k)) {
                        continue;
                    }
                    w.interaction(user, w.item("g" + g + "-" + k), g == taste ? 4 + rnd.nextInt(2) : 1 + rnd.nextInt(2),
                            1_600_000_000L + u * 1000L + j, -1);
                }
            }
            for (int s = 0; s < shortUsers; s++) {
                int user = w.user("s" + s);
                int taste = s % GENRES.length;
                w.interaction(user, w.item("g" + taste + "-0"), 5, 1_700_000_000L + s, -1);
                w.interaction(user, w.item("g" + taste + "-1"), 4, 1_700_000_100L + s, -1);
            }
            w.commit(d -> "{}");
        }
        if (vectors) {
            List<StoredVector> rows = new ArrayList<>();
            for (String id : items) {
                int g = id.startsWith("cold-") ? id.charAt(5) - '0' : id.charAt(1) - '0';
                float[] v = new float[8];
                v[g] = 1;
                for (int d = 0; d < v.length; d++) {
                    v[d] += (float) (rnd.nextDouble() * 0.2 - 0.1);
                }
                long itemId = ws.read().entityId(datasetId, "item", id).orElseThrow();
                rows.add(new StoredVector(itemId, new byte[] {1}, v));
            }
            ws.vectors().put(datasetId, "item", "default", "test-encoder", rows);
        }
        return datasetId;
    }

    /** The genre index of an item id (g2-5 → 2, cold-3-0 → 3) or a user id (u6 → 2, s1 → 1). */
    static int genreOf(String externalId) {
        if (externalId.startsWith("cold-")) {
            return externalId.charAt(5) - '0';
        }
        if (externalId.startsWith("g")) {
            return externalId.charAt(1) - '0';
        }
        return Integer.parseInt(externalId.substring(1)) % GENRES.length;
    }

    /** A thread-safe scripted model: answers with {@code answer.apply(request)}, counting calls. */
    static final class FakeLlm implements LlmClient {
        final AtomicInteger calls = new AtomicInteger();
        final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
        private final Function<LlmRequest, String> answer;

        FakeLlm(Function<LlmRequest, String> answer) {
            this.answer = answer;
        }

        @Override
        public LlmResponse complete(LlmRequest request) throws LlmException {
            calls.incrementAndGet();
            requests.add(request);
            String text = answer.apply(request);
            return new LlmResponse(text, request.user().length() / 4, text.length() / 4, 3, "stop");
        }

        @Override
        public String model() {
            return "fake-1";
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
        }
    }
}
