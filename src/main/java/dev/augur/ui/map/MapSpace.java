package dev.augur.ui.map;

/**
 * One 2-D projection the map can show.
 *
 * @param key     what the data source needs to find it again (opaque to the UI), e.g. a projection id
 * @param dataset the dataset whose items it places
 * @param label   what the analyst reads, e.g. "minilm · {title}. {categories}. {description} · UMAP"
 */
public record MapSpace(String key, String dataset, String label) {

    @Override
    public String toString() {
        return label;
    }
}
