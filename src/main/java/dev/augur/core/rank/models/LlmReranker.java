package dev.augur.core.rank.models;

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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LLM listwise re-ranking, the LLMRank protocol (Hou et al., 2024): a retriever proposes each user's top
 * {@code candidates} (training items left out), the LLM sees the user's last {@code history} training items and the
 * candidates numbered {@code [1]..[n]} (short numbers: a model copies them back far more reliably than long ids) and
 * answers {@code {"ranking": [numbers…]}} under a JSON schema. The answer is read leniently ({@link RerankAnswer})
 * and counted ({@link RerankStats}): entries that are no number, numbers outside the candidates, repeats, and
 * candidates left out, which follow in the retriever's order. A failed call or an unreadable answer keeps the
 * retriever's order.
 *
 * <p>Scores: the candidates, in the LLM's order, are lifted just above every other item; all other items keep the
 * retriever's score (so they follow in the retriever's order, exactly, without float round-off from subtracting a
 * large constant).
 *
 * <p>Every answer is cached ({@link RerankCache}) under SHA-256 of template id and version, rendered prompt, model
 * and parameters ({@link RerankRequest}), the key profile generations use: a repeated evaluation makes no call. LLM
 * calls happen in {@link #score}, which the evaluator calls from several threads; the client serialises or
 * parallelises them as it can. A cancelled fit monitor or an interrupted thread stops scoring with
 * {@link TaskCancelledException} before the next call.
 */
public final class LlmReranker implements Recommender {

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

    private final Recommender retriever;
    private final LlmClient client;
    private final RerankCache cache;
    private final RerankTemplate template;
    private final Settings settings;
    private final TrainingHistory trainingHistory;
    private final Map<Integer, Reranking> latest = new ConcurrentHashMap<>();
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
        Reranking ranked = candidates.length < 2 ? Reranking.tooFew(candidates) : rank(f, user, candidates);
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
        return Optional.ofNullable(latest.get(user)).map(Reranking::stats);
    }

    /** The LLM's place for {@code item} first (when it was a candidate), then the retriever's reasons. */
    @Override public List<Reason> explain(int user, int item, int max) {
        if (max <= 0) {
            return List.of();
        }
        List<Reason> out = new ArrayList<>();
        Reranking r = latest.get(user);
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
    private Reranking rank(Fitted f, int user, int[] candidates) {
        int n = candidates.length;
        List<String> history = new ArrayList<>();
        for (int i : f.history().recent(user, settings.history())) {
            history.add(f.titles()[i]);
        }
        List<String> titles = new ArrayList<>(n);
        for (int i : candidates) {
            titles.add(f.titles()[i]);
        }
        RerankRequest request = RerankRequest.of(template, settings.seed(), client.model(), history, titles);
        RenderedPrompt prompt = request.prompt();

        Optional<String> cached = cache.get(request.key());
        if (cached.isPresent()) {
            RerankAnswer p = RerankAnswer.parse(cached.get(), n);
            return p == null ? Reranking.fallback(candidates, 0, 1) : Reranking.of(candidates, p, 0, 1);
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
            return Reranking.fallback(candidates, 1, 0);
        }
        RerankAnswer p = RerankAnswer.parse(answer.text(), n);
        if (p == null) {
            return Reranking.fallback(candidates, 1, 0);
        }
        cache.put(request.key(), new RerankCache.Entry(user, template.id(), template.version(), client.model(),
                request.params(), prompt.system(), prompt.user(), answer.text(), p.json(), answer.latencyMillis(),
                answer.promptTokens(), answer.completionTokens()));
        return Reranking.of(candidates, p, 1, 0);
    }
}
