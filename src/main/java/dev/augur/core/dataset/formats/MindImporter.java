package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.store.DatasetWriter;

import java.nio.file.Path;
import java.util.Optional;

/** TODO(helper): implement. */
public final class MindImporter implements Importer {
    @Override
    public String id() {
        return "mind";
    }

    @Override
    public String family() {
        return "mind";
    }

    @Override
    public Optional<Detection> detect(Path source) {
        return Optional.empty();
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        throw new UnsupportedOperationException("mind not yet implemented");
    }
}
