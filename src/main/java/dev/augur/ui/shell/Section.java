package dev.augur.ui.shell;

/** The places of the navigation rail, with what each will do until a later issue fills it. */
public enum Section {
    DATASETS("Datasets", null),
    PROFILES("Profiles", null),
    EMBEDDINGS("Embeddings", "Map: 2-D maps of item and profile vectors, where cold items land and what augmentation "
            + "moved. Coming with projections."),
    RANKINGS("Rankings", null),
    REVIEW("Review", null),
    ASSISTANT("Assistant", "A dialogue with an LLM that calls Augur's tools: import, encode, rank, explain. "
            + "Coming with the dialogue manager."),
    JOBS("Jobs", null),
    SETTINGS("Settings", null);

    private final String label;
    private final String emptyState;

    Section(String label, String emptyState) {
        this.label = label;
        this.emptyState = emptyState;
    }

    public String label() {
        return label;
    }

    /**
     * What the section will do, shown while it is empty; null for sections already built (Embeddings keeps its
     * text as a hint for the map still to come).
     */
    public String emptyState() {
        return emptyState;
    }
}
