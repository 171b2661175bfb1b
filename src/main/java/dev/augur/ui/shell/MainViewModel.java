package dev.augur.ui.shell;

import dev.augur.app.AppPaths;
import dev.augur.app.AppServices;
import dev.augur.app.Settings;
import dev.augur.app.SettingsStore;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.rank.RankingModels;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.ui.common.JobBinding;
import dev.augur.ui.datasets.DatasetsViewModel;
import dev.augur.ui.embeddings.VectorsViewModel;
import dev.augur.ui.common.ItemSelection;
import dev.augur.ui.map.MapDataSource;
import dev.augur.ui.map.MapViewModel;
import dev.augur.ui.map.WorkspaceMapData;
import dev.augur.ui.jobs.JobsViewModel;
import dev.augur.ui.profiles.ProfilesViewModel;
import dev.augur.ui.rankings.ModelSession;
import dev.augur.ui.rankings.RankingsViewModel;
import dev.augur.ui.review.ReviewViewModel;
import dev.augur.ui.settings.SettingsViewModel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The main window's state and commands: which workspace is open, which section shows, the theme, the recent
 * list; opening, creating and importing go through the one task executor. No Nodes here.
 */
public final class MainViewModel {
    private final AppServices services;
    private final SettingsStore settingsStore;
    private final Settings settings;
    private final DatasetsViewModel datasets;
    private final JobsViewModel jobs;
    private final SettingsViewModel settingsPage;
    private final VectorsViewModel vectors;
    private final ItemSelection selection = new ItemSelection();
    private final MapViewModel map;
    private final ProfilesViewModel profiles;
    private final RankingsViewModel rankings;
    private final ReviewViewModel review;
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("Augur");
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.DATASETS);
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final StringProperty lastError = new SimpleStringProperty("");
    private final ObservableList<String> recent = FXCollections.observableArrayList();

    public MainViewModel(AppServices services, SettingsStore settingsStore) {
        this.services = services;
        this.settingsStore = settingsStore;
        this.settings = settingsStore.load();
        this.datasets = new DatasetsViewModel(services);
        this.jobs = new JobsViewModel(services.tasks());
        this.settingsPage = new SettingsViewModel(services.tasks(), settings, settingsStore);
        this.vectors = new VectorsViewModel(services.tasks(), services.encoder(),
                settingsPage.defaultEncoderProperty(), settingsPage.deviceProperty());
        // the vector sets follow the datasets: read once the workspace is open (and the sample built), and again
        // after every import; the detail pane's similar items follow every encode
        this.map = new MapViewModel(services.tasks(), MapDataSource.empty(), selection);
        this.profiles = new ProfilesViewModel(services.tasks(), selection, () -> section.set(Section.EMBEDDINGS),
                () -> dev.augur.app.LlmConfig.of(settings));
        // the models per workspace, as the command line opens them; llm-rerank when Settings → LLM names a model,
        // whose client opens only when the re-ranker first asks
        this.rankings = new RankingsViewModel(services.tasks(), ws -> {
            dev.augur.app.LlmConfig llm = dev.augur.app.LlmConfig.of(settings);
            if (!llm.configured() || llm.problem().isPresent()) {
                return new ModelSession(RankingModels.standard(ws, null), null);
            }
            dev.augur.app.LazyLlmClient client = new dev.augur.app.LazyLlmClient(llm);
            return new ModelSession(RankingModels.standard(ws, client), client);
        }, selection);
        this.review = new ReviewViewModel(services.tasks());
        datasets.attachSelection(selection);
        datasets.busyProperty().addListener((o, was, is) -> {
            if (was && !is && workspace.get() != null) {
                vectors.open(workspace.get(), List.copyOf(datasets.datasets()));
                map.setSource(new WorkspaceMapData(workspace.get(), services.projections()));
                map.refresh();
                profiles.open(workspace.get(), List.copyOf(datasets.datasets()));
                rankings.open(workspace.get(), List.copyOf(datasets.datasets()));
                review.open(workspace.get(), List.copyOf(datasets.datasets()));
            }
        });
        vectors.setOnEncoded(() -> {
            datasets.detail().refreshSimilar();
            map.refresh();
        });
        // a point opened on the map shows the item in the Datasets detail pane
        selection.addOpenListener(opened -> {
            datasets.detail().showItem(workspace.get(), opened.dataset(), opened.externalId());
            section.set(Section.DATASETS);
        });
        datasets.detail().setOnOpenVectors(() -> section.set(Section.EMBEDDINGS));
        section.addListener((o, was, is) -> {
            if (is == Section.REVIEW) {
                review.refresh(); // proposals may have come from the command line meanwhile
            }
            if (is == Section.SETTINGS) {
                settingsPage.resolveDeviceOnce();
            }
        });
        dark.set(settings.dark);
        recent.setAll(settings.recentWorkspaces);
        dark.addListener((o, was, is) -> {
            settings.dark = is;
            settingsStore.save(settings);
        });
    }

    /** Opens the last workspace when it still exists, else the bundled sample (built on first start). */
    public void start() {
        jobs.start();
        Path last = settings.lastWorkspace == null ? null : Path.of(settings.lastWorkspace);
        openWorkspace(last != null && Files.isRegularFile(last) ? last : AppPaths.sampleWorkspace());
    }

    public void openWorkspace(Path file) {
        Path abs = file.toAbsolutePath();
        workspace.set(abs);
        title.set("Augur — " + abs.getFileName().toString().replaceFirst("\\.augur$", ""));
        settings.rememberWorkspace(abs.toString());
        recent.setAll(settings.recentWorkspaces);
        settingsStore.save(settings);
        section.set(Section.DATASETS);
        datasets.open(abs, abs.equals(AppPaths.sampleWorkspace().toAbsolutePath()));
    }

    /** Creates an empty workspace file (in the background) and opens it. */
    public void newWorkspace(Path file) {
        Path target = file.toString().endsWith(".augur") ? file : Path.of(file + ".augur");
        Job<Path> job = services.tasks().submit("Create " + target.getFileName(), m -> {
            try (Workspace ws = Workspace.open(target)) {
                return ws.file();
            }
        });
        JobBinding.follow(job, s -> { }, this::openWorkspace, e -> lastError.set(e.getMessage()));
    }

    /** Imports a file or folder into the open workspace as a background job; a failure changes nothing. */
    public Job<ImportReport> importPath(Path source) {
        Path ws = workspace.get();
        Job<ImportReport> job = services.tasks().submit("Import " + source.getFileName(), m -> {
            try (Workspace w = Workspace.open(ws)) {
                return services.imports().run(w, source, ImportOptions.defaults(), m);
            }
        });
        JobBinding.follow(job, s -> { }, r -> datasets.open(ws, false),
                e -> lastError.set("Import of " + source + " failed; the workspace is unchanged.\n" + e.getMessage()));
        return job;
    }

    /** A wizard for importing into the open workspace; the datasets list refreshes after a successful import. */
    public dev.augur.ui.importer.ImportWizardViewModel importWizard() {
        Path ws = workspace.get();
        return new dev.augur.ui.importer.ImportWizardViewModel(services.tasks(), services.imports(), ws,
                r -> datasets.open(ws, false));
    }

    /** Remembers the window bounds for the next start. */
    public void saveWindow(double x, double y, double width, double height, boolean maximized) {
        settings.windowX = x;
        settings.windowY = y;
        settings.windowWidth = width;
        settings.windowHeight = height;
        settings.maximized = maximized;
        settingsStore.save(settings);
    }

    public Settings settings() {
        return settings;
    }

    public DatasetsViewModel datasets() {
        return datasets;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public SettingsViewModel settingsPage() {
        return settingsPage;
    }

    public VectorsViewModel vectors() {
        return vectors;
    }

    public MapViewModel map() {
        return map;
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    public RankingsViewModel rankings() {
        return rankings;
    }

    public ReviewViewModel review() {
        return review;
    }

    /** The items picked on the map (or elsewhere), shared by the views. */
    public ItemSelection selection() {
        return selection;
    }

    public ReadOnlyObjectProperty<Path> workspaceProperty() {
        return workspace;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public StringProperty lastErrorProperty() {
        return lastError;
    }

    public ObservableList<String> recent() {
        return recent;
    }

    public String describeWorkspace() {
        Path p = workspace.get();
        return p == null ? "" : String.format(Locale.ROOT, "%s", p);
    }
}
