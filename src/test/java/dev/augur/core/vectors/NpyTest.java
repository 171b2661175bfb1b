package dev.augur.core.vectors;

import dev.augur.core.store.VectorMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpyTest {
    @TempDir
    Path dir;

    /** What {@code numpy.save} (2.x) writes before the data of a float32 array of shape (3, 4). */
    private static final String NUMPY_HEADER_3_4 = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"
            + " ".repeat(58) + "\n";

    @Test
    void theHeaderIsByteForByteWhatNumpyWrites() throws IOException {
        Path file = dir.resolve("a.npy");
        float[] data = new float[12];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0.5f - 2;
        }
        NpyWriter.write(file, 3, 4, data);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int headerLen = Short.toUnsignedInt(ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        assertThat(headerLen).isEqualTo(118);
        assertThat((10 + headerLen) % 64).isZero();
        assertThat(new String(bytes, 10, headerLen, StandardCharsets.US_ASCII)).isEqualTo(NUMPY_HEADER_3_4);
        assertThat(bytes).hasSize(128 + 12 * 4);
        ByteBuffer body = ByteBuffer.wrap(bytes, 128, 48).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(body.getFloat()).isEqualTo(-2f);
        assertThat(body.getFloat()).isEqualTo(-1.5f);
    }

    @Test
    void theDataAlwaysStartsOnA64ByteBoundary() {
        for (long rows : new long[] {0, 1, 9, 99_999, 100_000, 123_456_789_012L}) {
            for (int cols : new int[] {1, 384, 1024}) {
                byte[] h = NpyWriter.header(rows, cols);
                assertThat(h.length % 64).as("(%d, %d)", rows, cols).isZero();
                String text = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
                assertThat(text).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }")
                        .endsWith(" \n");
                assertThat(text.strip()).endsWith("}");
            }
        }
    }

    @Test
    void roundTripStreamedRowByRowAndThroughTheBuffer() throws IOException {
        int n = 1000;
        int d = 33; // 132 KB: more than one buffer, rows straddle its edge
        Random rnd = new Random(9);
        float[] data = new float[n * d];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        data[5] = Float.NaN;
        data[6] = -0f;
        data[7] = Float.NEGATIVE_INFINITY;
        Path file = dir.resolve("b.npy");
        try (NpyWriter w = NpyWriter.open(file, n, d)) {
            for (int r = 0; r < n; r++) {
                w.writeRow(Arrays.copyOfRange(data, r * d, (r + 1) * d));
            }
        }
        int[] shape = new int[2];
        assertThat(NpyWriter.read(file, shape)).containsExactly(data);
        assertThat(shape).containsExactly(n, d);

        Path empty = dir.resolve("c.npy");
        NpyWriter.write(empty, new VectorMatrix(new long[0], 384, new float[0]));
        assertThat(NpyWriter.read(empty, shape)).isEmpty();
        assertThat(shape).containsExactly(0, 384);
    }

    @Test
    void anUnfilledShapeIsAnErrorAndTooManyValuesAreRefused() throws IOException {
        Path file = dir.resolve("d.npy");
        NpyWriter w = NpyWriter.open(file, 2, 2);
        w.writeRow(new float[] {1, 2});
        assertThatThrownBy(() -> w.write(new float[3], 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(w::close).isInstanceOf(IOException.class).hasMessageContaining("2 of 4");
        assertThatThrownBy(() -> NpyWriter.read(file, new int[2])).isInstanceOf(IOException.class);
    }

    @Test
    void exportWritesTheMatrixAndAQuotedIdCsv() throws IOException {
        VectorMatrix m = new VectorMatrix(new long[] {7, 9, 12}, 2, new float[] {1, 2, 3, 4, 5, 6});
        Path npy = dir.resolve("out/items.npy");
        Path csv = dir.resolve("out/items.csv");
        VectorExport.write(m, id -> switch ((int) id) {
            case 7 -> new String[] {"i7", "Heat, \"the\" movie"};
            case 9 -> new String[] {"i9", "two\nlines"};
            default -> new String[] {"i12", null};
        }, new String[] {"external_id", "title"}, npy, csv);

        int[] shape = new int[2];
        assertThat(NpyWriter.read(npy, shape)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(shape).containsExactly(3, 2);
        assertThat(Files.readString(csv)).isEqualTo("row,entity_id,external_id,title\n"
                + "0,7,i7,\"Heat, \"\"the\"\" movie\"\n"
                + "1,9,i9,\"two\nlines\"\n"
                + "2,12,i12,\n");
        assertThat(VectorExport.quote("plain")).isEqualTo("plain");
        assertThat(VectorExport.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(siblings()).containsExactlyInAnyOrder("items.npy", "items.csv");
    }

    @Test
    void aFailedExportLeavesTheOldFilesAndNoTemporaryOnes() throws IOException {
        Path npy = dir.resolve("items.npy");
        Path csv = dir.resolve("items.csv");
        Files.writeString(npy, "old npy");
        Files.writeString(csv, "old csv");
        VectorMatrix m = new VectorMatrix(new long[] {1, 2}, 1, new float[] {1, 2});
        assertThatThrownBy(() -> VectorExport.write(m, id -> {
            if (id == 2) {
                throw new IllegalStateException("label lookup failed");
            }
            return new String[] {"x"};
        }, new String[] {"title"}, npy, csv)).hasMessageContaining("label lookup failed");
        assertThatThrownBy(() -> VectorExport.write(m, id -> new String[] {"x", "y"}, new String[] {"title"}, npy, csv))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity 1");
        assertThat(Files.readString(npy)).isEqualTo("old npy");
        assertThat(Files.readString(csv)).isEqualTo("old csv");
        assertThat(siblings(dir)).containsExactlyInAnyOrder("items.npy", "items.csv");
    }

    private List<String> siblings() throws IOException {
        return siblings(dir.resolve("out"));
    }

    private static List<String> siblings(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
