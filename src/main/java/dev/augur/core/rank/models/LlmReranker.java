package dev.augur.core.rank.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augur.core.augment.RenderedPrompt;
import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.llm.LlmResponse;
import dev.augur.core.rank.Csr;
import dev.augur.core.rank.ModelParams;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.TopK;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LLM listwise re-ranking, the LLMRank protocol (Hou et al., 2024): a retriever proposes each user's top
 * {@code candidates} (training items left out), the LLM sees the user's last {@code history} training items and the
 * candidates numbered {@code [1]..[n]} (short numbers: a model copies them back far more reliably than long ids) and
 * answers {@code {"ranking": [numbers…]}} under a JSON schema. The answer is read leniently and counted
 * ({@link RerankStats}): entries that are no number, numbers outside the candidates, repeats, and candidates left out,
 * which follow in the retriever's order. A failed call or an unreadable answer keeps the retriever's order.
 *
 * <p>Scores: the candidates, in the LLM's order, are lifted just above every other item; all other items keep the
 * retriever's score (so they follow in the retriever's order, exactly, without float round-off from subtracting a
 * large constant).
 *
 * <p>Every answer is cached ({@link RerankCache}) under SHA-256 of template id and version, rendered prompt, model
 * and parameters, the key profile generations use: a repeated evaluation makes no call. LLM calls happen in
 * {@link #score}, which the evaluator calls from several threads; the client serialises or parallelises them as it
 * can. A cancelled fit monitor or an interrupted thread stops scoring with {@link TaskCancelledException} before the
 * next call.
 */
public final class LlmReranker implements Recommender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("^\\s*\\[?\\s*(-?\\d{1,9})\\s*]?(?:[\\s.:)].*)?$",
            Pattern.DOTALL);

    /**
     * @param candidates   how many of the retriever's top items the LLM re-ranks
     * @param history      how many of the user's most recent training items the prompt shows
     * @param seed         the LLM's sampling seed
     * @param timeout      per LLM call
     * @param fitRetriever whether {@link #fit} fits the retriever too (false: the caller has fitted it)
     */
    public record Settings(int candidates, int history, long seed, Duration timeout, boolean fitRetriever) {
        public Settings {
            if (candidates < 2 || candidates > 100) {
                throw new IllegalArgumentException("candidates must be between 2 and 100: " + candidates);
            }
            if (history < 0) {
                throw new IllegalArgumentException("history must not be negative: " + history);
            }
            Objects.requireNonNull(timeout, "timeout");
        }

        public static Settings defaults() {
            return new Settings(20, 10, 0, Duration.ofMinutes(2), true);
        }

        /** The defaults with {@code llm-rerank.NAME=value} overrides ({@code candidates}, {@code history},
         * {@code seed}, {@code timeout_s}); an unknown name is an error. */
        public static Settings of(Map<String, String> params) {
            String model = "llm-rerank";
            ModelParams.rejectUnknown(model, params, List.of("candidates", "history", "seed", "timeout_s"));
            Settings d = defaults();
            return new Settings(ModelParams.intParam(model, params, "candidates", d.candidates()),
                    ModelParams.intParam(model, params, "history", d.history()),
                    ModelParams.intParam(model, params, "seed", (int) d.seed()),
                    Duration.ofSeconds(ModelParams.intParam(model, params, "timeout_s", (int) d.timeout().toSeconds())),
                    true);
        }

        public Settings withCandidates(int n) {
            return new Settings(n, history, seed, timeout, fitRetriever);
        }

        public Settings withHistory(int h) {
            return new Settings(candidates, h, seed, timeout, fitRetriever);
        }

        public Settings withFitRetriever(boolean fit) {
            return new Settings(candidates, history, seed, timeout, fit);
        }
    }

    /** One user's latest re-ranking: the candidates in their final order, whether the LLM ordered them, its counts. */
    private record Ranked(int[] order, boolean byLlm, RerankStats stats) {
    }

    private final Recommender retriever;
    private final LlmClient client;
    private final RerankCache cache;
    private final RerankTemplate template;
    private final Settings settings;
    private final TrainingHistory trainingHistory;
    private final Map<Integer, Ranked> latest = new ConcurrentHashMap<>();
    private RerankStats total = RerankStats.ZERO;

    private volatile Fitted fitted;

    private record Fitted(Csr train, String[] titles, TrainingHistory history, TaskMonitor monitor) {
    }

    /** The bundled template, default settings, no time order (the history shows the best-rated training items). */
    public LlmReranker(Recommender retriever, LlmClient client, RerankCache cache) {
        this(retriever, client, cache, RerankTemplate.bundled(), Settings.defaults(), null);
    }

    /**
     * @param trainingHistory each user's training items in time order ({@code TrainingHistory.of(split)}), so the
     *                        prompt shows the most recent ones; null: the highest-valued ones (TrainingData has no
     *                        times)
     */
    public LlmReranker(Recommender retriever, LlmClient client, RerankCache cache, RerankTemplate template,
                       Settings settings, TrainingHistory trainingHistory) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.template = Objects.requireNonNull(template, "template");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trainingHistory = trainingHistory;
    }

    @Override public String name() {
        return "llm-rerank";
    }

    @Override public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("retriever", retriever.name());
        m.put("retriever_params", retriever.params());
        m.put("candidates", settings.candidates());
        m.put("history", settings.history());
        Fitted f = fitted;
        TrainingHistory h = f != null ? f.history() : trainingHistory;
        m.put("history_order", h != null && h.timeOrder() ? "time" : "value");
        m.put("template", template.id() + "@" + template.version());
        m.put("model", client.model());
        m.put("temperature", template.temperature());
        m.put("seed", settings.seed());
        m.put("max_tokens", template.maxTokens());
        return m;
    }

    @Override public void fit(TrainingData data, TaskMonitor monitor) {
        if (settings.fitRetriever()) {
            retriever.fit(data, monitor);
        }
        Csr train = data.train();
        TrainingHistory h = trainingHistory != null ? trainingHistory : data.history();
        if (h != null) {
            h.check(train);
        } else {
            h = TrainingHistory.byValue(train);
        }
        SideInformation side = data.side();
        String[] titles = new String[data.numItems()];
        for (int i = 0; i < titles.length; i++) {
            String t = i < side.titles().length && side.titles()[i] != null ? side.titles()[i].strip() : "";
            titles[i] = t.isEmpty() ? "item " + i : t;
        }
        synchronized (this) {
            latest.clear();
            total = RerankStats.ZERO;
        }
        fitted = new Fitted(train, titles, h, monitor);
    }

    @Override public void score(int user, float[] scores) {
        Fitted f = fitted;
        if (f == null) {
            throw new IllegalStateException("llm-rerank is not fitted");
        }
        retriever.score(user, scores);
        int[] candidates = candidates(f.train(), user, scores);
        Ranked ranked = candidates.length < 2
                ? new Ranked(candidates, false, new RerankStats(1, 0, 0, 0, 0, 0, 0, 0))
                : rank(f, user, candidates);
        lift(scores, ranked.order());
        latest.put(user, ranked);
        synchronized (this) {
            total = total.plus(ranked.stats());
        }
    }

    /** Counts over every ranking since the last fit. */
    public synchronized RerankStats stats() {
        return total;
    }

    /** Counts of {@code user}'s latest ranking, if it was scored since the last fit. */
    public Optional<RerankStats> stats(int user) {
        return Optional.ofNullable(latest.get(user)).map(Ranked::stats);
    }

    /** The LLM's place for {@code item} first (when it was a candidate), then the retriever's reasons. */
    @Override public List<Reason> explain(int user, int item, int max) {
        if (max <= 0) {
            return List.of();
        }
        List<Reason> out = new ArrayList<>();
        Ranked r = latest.get(user);
        if (r != null) {
            int n = r.order().length;
            for (int j = 0; j < n; j++) {
                if (r.order()[j] == item) {
                    out.add(Reason.feature((r.byLlm() ? "LLM re-rank: " : "retriever order kept: ") + (j + 1) + " of "
                            + n + " candidates", n - j));
                }
            }
        }
        out.addAll(retriever.explain(user, item, max - out.size()));
        return List.copyOf(out.subList(0, Math.min(max, out.size())));
    }

    /** The retriever's top {@code candidates} for {@code user}, training items left out, best first. */
    private int[] candidates(Csr train, int user, float[] scores) {
        float[] s = scores.clone();
        for (int e = train.indptr()[user]; e < train.indptr()[user + 1]; e++) {
            s[train.indices()[e]] = Float.NEGATIVE_INFINITY;
        }
        int[] top = new int[settings.candidates()];
        int n = TopK.select(s, top.length, top);
        return Arrays.copyOf(top, n);
    }

    /** Puts {@code order} above every other item, best first; the others keep their scores. */
    private static void lift(float[] scores, int[] order) {
        boolean[] isCandidate = new boolean[scores.length];
        for (int i : order) {
            isCandidate[i] = true;
        }
        float base = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (!isCandidate[i] && scores[i] > base && scores[i] != Float.POSITIVE_INFINITY) {
                base = scores[i];
            }
        }
        if (base == Float.NEGATIVE_INFINITY) {
            base = 0;
        }
        // a step of at least a thousandth of the base keeps every lifted score distinct in float precision
        float step = Math.max(1f, Math.abs(base) * 1e-3f);
        int n = order.length;
        for (int j = 0; j < n; j++) {
            scores[order[j]] = base + step * (n - j);
        }
    }

    /** Asks the cache, else the LLM, for {@code user}'s order of {@code candidates}. */
    private Ranked rank(Fitted f, int user, int[] candidates) {
        int n = candidates.length;
        List<String> history = new ArrayList<>();
        for (int i : f.history().recent(user, settings.history())) {
            history.add(f.titles()[i]);
        }
        List<String> titles = new ArrayList<>(n);
        for (int i : candidates) {
            titles.add(f.titles()[i]);
        }
        RenderedPrompt prompt = template.render(history, titles);
        String params = canonicalParams(template.temperature(), settings.seed(), template.maxTokens());
        String key = cacheKey(template, prompt, client.model(), params);

        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            Parsed p = parse(cached.get(), n);
            return p == null ? fallback(candidates, 0, 1) : ranked(candidates, p, 0, 1);
        }
        if (f.monitor().isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new TaskCancelledException();
        }
        LlmResponse answer;
        try {
            answer = client.complete(new LlmRequest(prompt.system(), prompt.user(),
                    Optional.of(template.schemaFor(n)), template.temperature(), settings.seed(), template.maxTokens(),
                    settings.timeout()));
        } catch (LlmException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TaskCancelledException();
            }
            return fallback(candidates, 1, 0);
        }
        Parsed p = parse(answer.text(), n);
        if (p == null) {
            return fallback(candidates, 1, 0);
        }
        cache.put(key, new RerankCache.Entry(user, template.id(), template.version(), client.model(), params,
                prompt.system(), prompt.user(), answer.text(), p.json(), answer.latencyMillis(), answer.promptTokens(),
                answer.completionTokens()));
        return ranked(candidates, p, 1, 0);
    }

    private static Ranked fallback(int[] candidates, long calls, long hits) {
        return new Ranked(candidates, false, new RerankStats(1, calls, 1, 0, 0, 0, 0, hits));
    }

    /** The final order: the LLM's valid picks, then the candidates it left out in the retriever's order. */
    private static Ranked ranked(int[] candidates, Parsed p, long calls, long hits) {
        int n = candidates.length;
        boolean[] placed = new boolean[n];
        int[] order = new int[n];
        int w = 0;
        for (int pick : p.picks()) {
            order[w++] = candidates[pick];
            placed[pick] = true;
        }
        int missing = n - w;
        for (int j = 0; j < n; j++) {
            if (!placed[j]) {
                order[w++] = candidates[j];
            }
        }
        return new Ranked(order, true, new RerankStats(1, calls, 0, p.invalid(), p.duplicate(), p.invented(), missing,
                hits));
    }

    /** A readable answer: the distinct valid picks (0-based candidate positions) in order, and the counts. */
    record Parsed(int[] picks, int invalid, int duplicate, int invented, String json) {
    }

    /** Reads {@code text} as {@code {"ranking": [...]}} (or a bare array); null when it holds no such array. */
    static Parsed parse(String text, int n) {
        JsonNode root = readLenient(text);
        JsonNode list = root == null ? null : root.isArray() ? root : root.get("ranking");
        if (list == null || !list.isArray()) {
            return null;
        }
        boolean[] seen = new boolean[n];
        int[] picks = new int[n];
        int w = 0;
        int invalid = 0;
        int duplicate = 0;
        int invented = 0;
        for (JsonNode e : list) {
            Integer number = number(e);
            if (number == null) {
                invalid++;
            } else if (number < 1 || number > n) {
                invented++;
            } else if (seen[number - 1]) {
                duplicate++;
            } else {
                seen[number - 1] = true;
                picks[w++] = number - 1;
            }
        }
        ObjectNode json = JSON.createObjectNode();
        ArrayNode ranking = json.putArray("ranking");
        for (int j = 0; j < w; j++) {
            ranking.add(picks[j] + 1);
        }
        return new Parsed(Arrays.copyOf(picks, w), invalid, duplicate, invented, json.toString());
    }

    /** An integer, a whole float, or text starting with a number ("7", "[7]", "[7] Title"); else null. */
    private static Integer number(JsonNode e) {
        if (e.isIntegralNumber()) {
            return e.canConvertToInt() ? e.intValue() : Integer.MAX_VALUE;
        }
        if (e.isNumber()) {
            double d = e.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e9 ? (int) d : null;
        }
        if (e.isTextual()) {
            Matcher m = NUMBER.matcher(e.textValue());
            return m.matches() ? Integer.valueOf(m.group(1)) : null;
        }
        return null;
    }

    /** JSON from a model's text: as is, else the outermost {…} (code fences, a sentence around it). */
    private static JsonNode readLenient(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text.strip());
        } catch (JsonProcessingException e) {
            int a = text.indexOf('{');
            int b = text.lastIndexOf('}');
            if (a < 0 || b <= a) {
                return null;
            }
            try {
                return JSON.readTree(text.substring(a, b + 1));
            } catch (JsonProcessingException again) {
                return null;
            }
        }
    }

    /** The generation parameters as canonical JSON, as profile generations record them. */
    static String canonicalParams(double temperature, long seed, int maxTokens) {
        Map<String, Object> m = new TreeMap<>();
        m.put("maxTokens", maxTokens);
        m.put("seed", seed);
        m.put("temperature", temperature);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) over template id + version, the rendered system and user messages, model and parameters. */
    static String cacheKey(RerankTemplate t, RenderedPrompt p, String model, String canonicalParams) {
        String s = t.id() + "@" + t.version() + "\u0000" + p.system() + "\u0000" + p.user() + "\u0000" + model
                + "\u0000" + canonicalParams;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
