package dev.augur.ui.profiles;

import dev.augur.core.store.Generation;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.ui.common.BackgroundJobs;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The panes of the selected generation: its output and provenance at once, its user's or item's source data once
 * read in the background. JavaFX thread only.
 */
public final class GenerationDetail {
    private final BackgroundJobs jobs;
    private final Supplier<Path> workspace;
    private final ReadOnlyObjectWrapper<ProfilesViewModel.Row> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sourceTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper provenanceLine = new ReadOnlyStringWrapper("");
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final BooleanBinding canShowOnMap = Bindings.createBooleanBinding(
            () -> selected.get() != null && "item".equals(selected.get().generation().entityKind()), selected);
    private String dataset = "";
    private long reading; // the latest read; an older one that returns late is dropped

    GenerationDetail(BackgroundJobs jobs, Supplier<Path> workspace) {
        this.jobs = jobs;
        this.workspace = workspace;
    }

    /** The row shown, or null. */
    ProfilesViewModel.Row selected() {
        return selected.get();
    }

    /** Shows {@code row}'s output and provenance; its source stays until {@link #read} replaces it. */
    void show(ProfilesViewModel.Row row) {
        selected.set(row);
        Generation g = row.generation();
        output.set(GenerationText.display(g));
        provenanceLine.set(GenerationText.provenance(g));
    }

    /** Reads {@code row}'s source data in the background; {@code done} gets what was read unless a later read began. */
    Job<GenerationText.Detail> read(ProfilesViewModel.Row row, Consumer<GenerationText.Detail> done) {
        Path file = workspace.get();
        long gen = ++reading;
        Generation g = row.generation();
        return jobs.submit("Source of " + g.entityKind() + " " + row.entity(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                return GenerationText.readDetail(ws, g);
            }
        }, d -> {
            if (gen != reading) {
                return;
            }
            sourceTitle.set(d.sourceTitle());
            sourceText.set(d.sourceText());
            dataset = d.dataset();
            done.accept(d);
        });
    }

    void clear() {
        ++reading;
        selected.set(null);
        sourceTitle.set("");
        sourceText.set("");
        output.set("");
        provenanceLine.set("");
    }

    /** The dataset of the entity read last; "" before the first read. */
    String dataset() {
        return dataset;
    }

    public ReadOnlyObjectProperty<ProfilesViewModel.Row> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTitleProperty() {
        return sourceTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty provenanceLineProperty() {
        return provenanceLine.getReadOnlyProperty();
    }

    public BooleanBinding hasSelection() {
        return hasSelection;
    }

    /** True when the selected generation is an item's. */
    public BooleanBinding canShowOnMap() {
        return canShowOnMap;
    }
}
