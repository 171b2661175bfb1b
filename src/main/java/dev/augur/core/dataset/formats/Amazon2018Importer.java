package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.store.DatasetWriter;

import java.nio.file.Path;
import java.util.Optional;

/** TODO(helper): implement. */
public final class Amazon2018Importer implements Importer {
    @Override
    public String id() {
        return "amazon-2018";
    }

    @Override
    public String family() {
        return "amazon";
    }

    @Override
    public Optional<Detection> detect(Path source) {
        return Optional.empty();
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        throw new UnsupportedOperationException("amazon-2018 not yet implemented");
    }
}
