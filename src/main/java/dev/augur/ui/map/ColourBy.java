package dev.augur.ui.map;

/** What the colour of a point on the map says. */
public enum ColourBy {
    CATEGORY("Category"),
    POPULARITY("Popularity (quantiles)"),
    COLD("Cold / warm"),
    SOURCE("Observed / synthetic"),
    ANNOTATION("Annotation status"),
    CLUSTER("Cluster"),
    CHANGE("Neighbourhood change");

    private final String label;

    ColourBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
