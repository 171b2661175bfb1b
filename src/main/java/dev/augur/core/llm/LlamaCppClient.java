package dev.augur.core.llm;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.LogLevel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An {@link LlmClient} that runs llama.cpp in process (de.kherud:llama, natives bundled) on a GGUF file the user
 * picked. One model, one context: calls are serialised; a caller that waits longer than its request's timeout for
 * its turn gets TIMEOUT.
 *
 * <p>Prompt: the model's own chat template (from the GGUF metadata) when it has one, else a plain
 * {@code ### System / ### User / ### Assistant} layout. Structured output: the request's JSON schema is converted to
 * a GBNF grammar by llama.cpp's own converter ({@link LlamaModel#jsonSchemaToGrammar}, which honours
 * {@code required}, {@code enum}, {@code maxLength}, {@code minItems/maxItems} and friends) and sampling is
 * constrained by it, so the text is valid JSON of that shape unless generation stops at {@code maxTokens}
 * (finish reason {@code "length"}). Generation streams token by token and stops with TIMEOUT once the request's
 * timeout has passed (checked between tokens; the prompt evaluation itself cannot be interrupted). Prompt tokens come
 * from the model's tokenizer, completion tokens from the generation stream. Chat templates are rendered with
 * llama.cpp's Jinja engine; a template it cannot render falls back to ChatML (llama.cpp's own behaviour).
 *
 * <p>Known limitation of de.kherud:llama 4.2.0 (issue kherud/java-llama.cpp#116): loading a model starts a native,
 * non-daemon thread that outlives {@link #close()}, so a JVM that used this client must end with
 * {@code System.exit}.
 */
public final class LlamaCppClient implements LlmClient {

    private static final System.Logger LOG = System.getLogger(LlamaCppClient.class.getName());
    private static final System.Logger NATIVE_LOG = System.getLogger("llama.cpp");
    private static final int DEFAULT_MAX_CONTEXT = 4096;
    private static volatile boolean loggerInstalled;

    /**
     * How to load the model.
     *
     * @param contextSize tokens of context (prompt + answer); 0 = the model's trained length, at most 4096
     * @param threads     CPU threads for generation; 0 = half the cores (at least 1)
     * @param gpuLayers   layers to offload to a GPU (0 = CPU only; the bundled natives are CPU builds)
     */
    public record Options(int contextSize, int threads, int gpuLayers) {
        public Options {
            if (contextSize < 0 || threads < 0 || gpuLayers < 0) {
                throw new IllegalArgumentException("options must not be negative");
            }
        }

        public static Options defaults() {
            return new Options(0, 0, 0);
        }
    }

    private final Path file;
    private final GgufInfo info;
    private final String model;
    private final int contextSize;
    private final LlamaModel llama;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean closed;

    /** Loads {@code gguf} with {@link Options#defaults()}. */
    public LlamaCppClient(Path gguf) throws LlmException {
        this(gguf, Options.defaults());
    }

    /**
     * Loads {@code gguf}.
     *
     * @throws LlmException CONFIGURATION naming the file when it is missing, unreadable, not GGUF or fails to load
     */
    public LlamaCppClient(Path gguf, Options options) throws LlmException {
        this.file = Objects.requireNonNull(gguf, "gguf").toAbsolutePath();
        this.info = GgufInfo.read(file);
        String fileName = file.getFileName().toString();
        this.model = fileName.endsWith(".gguf") ? fileName.substring(0, fileName.length() - 5) : fileName;
        long trained = info.contextLength().orElse((long) DEFAULT_MAX_CONTEXT);
        this.contextSize = options.contextSize() > 0 ? options.contextSize()
                : (int) Math.max(256, Math.min(trained, DEFAULT_MAX_CONTEXT));
        int threads = options.threads() > 0 ? options.threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        installLogger();
        ModelParameters params = new ModelParameters()
                .setModel(file.toString())
                .setCtxSize(contextSize)
                .setThreads(threads)
                .setThreadsBatch(threads)
                .setParallel(1)
                .enableJinja() // render the model's own chat template (else only templates llama.cpp recognises)
                .disableLog(); // the server part of llama.cpp prints per request to stdout; library logs go to NATIVE_LOG
        if (options.gpuLayers() > 0) {
            params.setGpuLayers(options.gpuLayers());
        }
        long start = System.nanoTime();
        try {
            this.llama = new LlamaModel(params);
        } catch (RuntimeException e) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, "llama.cpp could not load " + file + ": "
                    + e.getMessage(), null, e);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "loaded " + file + " (" + info.architecture().orElse("?") + ", ctx "
                + contextSize + ", " + threads + " threads) in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws LlmException {
        long start = System.nanoTime();
        long deadline = start + request.timeout().toNanos();
        boolean locked;
        try {
            locked = lock.tryLock(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while waiting for " + describe(), null, e);
        }
        if (!locked) {
            throw new LlmException(LlmException.Kind.TIMEOUT, "llama.cpp was busy for longer than the timeout ("
                    + request.timeout().toMillis() + " ms)");
        }
        try {
            if (closed) {
                throw new LlmException(LlmException.Kind.CONFIGURATION, "the model is closed: " + file);
            }
            return generate(request, start, deadline);
        } finally {
            lock.unlock();
        }
    }

    private LlmResponse generate(LlmRequest request, long start, long deadline) {
        String prompt = prompt(request);
        int promptTokens = llama.encode(prompt).length + 1; // + BOS
        if (promptTokens >= contextSize) {
            throw new LlmException(LlmException.Kind.CLIENT, "the prompt (" + promptTokens
                    + " tokens) does not fit the context of " + contextSize + " tokens");
        }
        int nPredict = Math.max(1, Math.min(request.maxTokens(), contextSize - promptTokens));
        InferenceParameters params = new InferenceParameters(prompt)
                .setTemperature((float) request.temperature())
                .setSeed(seed(request.seed()))
                .setNPredict(nPredict)
                .setCachePrompt(false);
        if (request.jsonSchema().isPresent()) {
            params.setGrammar(grammar(request.jsonSchema().get()));
        } else if (info.chatTemplate().isEmpty()) {
            params.setStopStrings("\n### ");
        }
        StringBuilder text = new StringBuilder();
        int steps = 0;
        LlamaIterator it = llama.generate(params).iterator();
        try {
            while (it.hasNext()) {
                LlamaOutput out = it.next();
                text.append(out.text);
                steps++;
                if (System.nanoTime() > deadline && it.hasNext()) {
                    it.cancel();
                    throw new LlmException(LlmException.Kind.TIMEOUT, "llama.cpp did not finish within "
                            + request.timeout().toMillis() + " ms (" + steps + " tokens generated)");
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof LlmException le) {
                throw le;
            }
            throw new LlmException(LlmException.Kind.SERVER, "llama.cpp failed: " + e.getMessage(), null, e);
        }
        String answer = text.toString();
        // One streamed message per generated token, plus a final empty "stop" message. (A token that ends inside a
        // multi-byte character is sent together with the next one, so this can undercount non-ASCII text slightly;
        // re-tokenising the answer would overcount more.)
        int completionTokens = Math.max(0, steps - 1);
        String finish = completionTokens >= nPredict ? "length" : "stop";
        long latency = (System.nanoTime() - start) / 1_000_000;
        return new LlmResponse(answer, promptTokens, completionTokens, latency, finish);
    }

    /** The chat-formatted prompt: the model's template when it has one, else a plain layout. */
    String prompt(LlmRequest request) {
        String system = request.system() == null ? "" : request.system();
        if (info.chatTemplate().isPresent()) {
            try {
                return llama.applyTemplate(new InferenceParameters("")
                        .setMessages(system.isEmpty() ? null : system, List.of(new Pair<>("user", request.user()))));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "chat template of " + file + " failed, using a plain layout: "
                        + e.getMessage());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!system.isEmpty()) {
            sb.append("### System\n").append(system.strip()).append("\n\n");
        }
        sb.append("### User\n").append(request.user().strip()).append("\n\n### Assistant\n");
        return sb.toString();
    }

    /** llama.cpp's JSON-schema → GBNF conversion. */
    static String grammar(String jsonSchema) {
        try {
            return LlamaModel.jsonSchemaToGrammar(jsonSchema);
        } catch (RuntimeException e) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, "cannot turn the JSON schema into a grammar: "
                    + e.getMessage(), null, e);
        }
    }

    private static int seed(long seed) {
        return seed >= 0 && seed <= Integer.MAX_VALUE ? (int) seed : (int) ((seed ^ (seed >>> 32)) & Integer.MAX_VALUE);
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String describe() {
        return "llama.cpp · " + file.getFileName();
    }

    /** The GGUF header of the loaded file. */
    public GgufInfo info() {
        return info;
    }

    public int contextSize() {
        return contextSize;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                llama.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Routes llama.cpp's own logging (chatty at INFO) to System.Logger "llama.cpp", one level lower. */
    private static void installLogger() {
        if (loggerInstalled) {
            return;
        }
        synchronized (LlamaCppClient.class) {
            if (loggerInstalled) {
                return;
            }
            try {
                LlamaModel.setLogger(LogFormat.TEXT, (LogLevel level, String message) -> {
                    System.Logger.Level l = switch (level) {
                        case ERROR -> System.Logger.Level.ERROR;
                        case WARN -> System.Logger.Level.WARNING;
                        case INFO -> System.Logger.Level.DEBUG;
                        default -> System.Logger.Level.TRACE;
                    };
                    if (NATIVE_LOG.isLoggable(l)) {
                        NATIVE_LOG.log(l, message.stripTrailing());
                    }
                });
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot route llama.cpp logging: " + e);
            }
            loggerInstalled = true;
        }
    }

}
