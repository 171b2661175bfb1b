package dev.augur.core.dataset;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * How to import: format id or family ({@code auto} detects it), dataset name (empty: from the source's name),
 * error policy, a forced text encoding (empty: detect), and the column mapping for generic CSV/TSV.
 */
public record ImportOptions(String format, Optional<String> datasetName, OnError onError,
                            Optional<Charset> encoding, Optional<ColumnMapping> mapping) {

    public static ImportOptions defaults() {
        return new ImportOptions("auto", Optional.empty(), OnError.ABORT, Optional.empty(), Optional.empty());
    }

    public ImportOptions withFormat(String f) {
        return new ImportOptions(f, datasetName, onError, encoding, mapping);
    }

    public ImportOptions withName(String name) {
        return new ImportOptions(format, Optional.of(name), onError, encoding, mapping);
    }

    public ImportOptions withOnError(OnError policy) {
        return new ImportOptions(format, datasetName, policy, encoding, mapping);
    }

    public ImportOptions withEncoding(Charset cs) {
        return new ImportOptions(format, datasetName, onError, Optional.of(cs), mapping);
    }

    public ImportOptions withMapping(ColumnMapping m) {
        return new ImportOptions(format, datasetName, onError, encoding, Optional.of(m));
    }
}
