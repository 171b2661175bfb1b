package dev.augur.core.augment;

import dev.augur.core.store.StoredTemplate;
import dev.augur.core.store.Workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prompt templates: the bundled defaults (class path {@code prompts/*.json}, listed in {@code prompts/index.txt})
 * plus the versions edited in a workspace. An edit is saved as a new version with its author and time, never over
 * an old one; the highest version of an id wins unless a version is asked for.
 */
public final class TemplateRegistry {
    private static final String ROOT = "/prompts/";

    private final Map<String, PromptTemplate> bundled;

    /** Loads the bundled templates from the class path. */
    public TemplateRegistry() {
        this(loadBundled());
    }

    TemplateRegistry(List<PromptTemplate> bundled) {
        Map<String, PromptTemplate> m = new LinkedHashMap<>();
        for (PromptTemplate t : bundled) {
            m.put(t.id(), t);
        }
        this.bundled = Map.copyOf(m);
        this.order = List.copyOf(m.keySet());
    }

    private final List<String> order;

    /** The bundled profile templates (users, items), in index order. */
    public List<PromptTemplate> bundled() {
        return order.stream().map(bundled::get).filter(t -> t.target().profiles()).toList();
    }

    /**
     * The latest version of every profile template (users, items): the bundled ones in index order, then ids only
     * the workspace has. The synthetic-interaction templates (pairs, picks) are reached by id through {@link #get}.
     */
    public List<PromptTemplate> all(Workspace ws) {
        Map<String, PromptTemplate> latest = new LinkedHashMap<>();
        for (String id : order) {
            latest.put(id, bundled.get(id));
        }
        for (StoredTemplate s : ws.promptTemplates().all()) { // ordered by id, version: later ones win
            PromptTemplate t = parse(s);
            PromptTemplate have = latest.get(t.id());
            if (have == null || have.version() <= t.version()) {
                latest.put(t.id(), t);
            }
        }
        return latest.values().stream().filter(t -> t.target().profiles()).toList();
    }

    /** The latest version of template {@code id}. */
    public PromptTemplate get(Workspace ws, String id) {
        List<PromptTemplate> v = versions(ws, id);
        if (v.isEmpty()) {
            throw unknown(ws, id);
        }
        return v.get(v.size() - 1);
    }

    /** Version {@code version} of template {@code id}. */
    public PromptTemplate get(Workspace ws, String id, int version) {
        return versions(ws, id).stream().filter(t -> t.version() == version).findFirst()
                .orElseThrow(() -> new AugmentException("template " + id + " has no version " + version + "; it has "
                        + versions(ws, id).stream().map(PromptTemplate::version).toList()));
    }

    /** Every version of template {@code id}, oldest first (the bundled one, then the workspace's edits). */
    public List<PromptTemplate> versions(Workspace ws, String id) {
        Objects.requireNonNull(id, "id");
        List<PromptTemplate> out = new ArrayList<>();
        if (bundled.containsKey(id)) {
            out.add(bundled.get(id));
        }
        for (StoredTemplate s : ws.promptTemplates().versions(id)) {
            out.add(parse(s));
        }
        out.sort(Comparator.comparingInt(PromptTemplate::version));
        return out;
    }

    /**
     * Saves {@code edited} as a new version of its id (one above the latest, whatever version {@code edited}
     * carries), by {@code author}, now; earlier versions stay. The schema must be valid JSON.
     */
    public PromptTemplate saveEdit(Workspace ws, PromptTemplate edited, String author) {
        Objects.requireNonNull(author, "author");
        if (author.isBlank()) {
            throw new IllegalArgumentException("an edit needs an author");
        }
        edited.schema(); // fails early on an invalid schema
        int floor = bundled.containsKey(edited.id()) ? bundled.get(edited.id()).version() + 1 : 1;
        StoredTemplate s = ws.promptTemplates().add(edited.id(), floor, edited.toJson(), author);
        return parse(s);
    }

    private static PromptTemplate parse(StoredTemplate s) {
        PromptTemplate t = PromptTemplate.fromJson(s.bodyJson(), "template " + s.id() + " v" + s.version()
                + " in the workspace", s.author(), s.createdAt());
        return t.withVersion(s.version(), s.author(), s.createdAt());
    }

    private AugmentException unknown(Workspace ws, String id) {
        List<String> known = new ArrayList<>(all(ws).stream().map(PromptTemplate::id).toList());
        order.stream().filter(k -> !known.contains(k)).forEach(known::add);
        return new AugmentException("no prompt template '" + id + "'; known: " + known);
    }

    private static List<PromptTemplate> loadBundled() {
        List<PromptTemplate> out = new ArrayList<>();
        for (String name : index()) {
            try (InputStream in = TemplateRegistry.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled prompt template " + name + " is listed but missing");
                }
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.add(PromptTemplate.fromJson(json, "prompts/" + name, PromptTemplate.BUNDLED, ""));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled prompt template " + name, e);
            }
        }
        return out;
    }

    private static List<String> index() {
        try (InputStream in = TemplateRegistry.class.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("prompts/index.txt is missing from the class path");
            }
            List<String> names = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read prompts/index.txt", e);
        }
    }
}
