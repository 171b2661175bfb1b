package dev.augur.bench.spark;

import dev.augur.core.bench.AlsPeer;
import dev.augur.core.bench.ProcessCpu;
import dev.augur.core.rank.Csr;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Apache Spark MLlib's implicit ALS ({@code org.apache.spark.ml.recommendation.ALS}) as the peer of
 * {@code bench rank}, in a local session on the benchmark's cores. Spark's defaults everywhere except what the
 * comparison fixes (rank, iterations, regParam, alpha, implicitPrefs, seed); the UI is off and the driver binds to
 * loopback (nothing here needs a network). Compiled only under the Maven profile {@code spark} (ADR 0008).
 */
public final class SparkAlsPeer implements AlsPeer {
    private SparkSession spark;
    private int threads;

    @Override public String name() {
        return "Apache Spark MLlib " + (spark == null ? "" : spark.version() + " ") + "ALS (local[" + threads + "], "
                + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "Java BLAS on the Vector API"
                : "Java BLAS without the Vector API: run java with --add-modules jdk.incubator.vector") + ")";
    }

    @Override public void start(int threads) {
        this.threads = threads;
        // what Spark's own launcher sets on Java 17 besides the --add-opens the jar's manifest carries
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        quietLogging();
        spark = SparkSession.builder()
                .appName("augur-bench-rank")
                .master("local[" + threads + "]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /**
     * Warnings and errors only, on stderr. Set before the session so Spark keeps it instead of its INFO defaults;
     * the task-size warning is expected here (the rows travel from the driver) and left out.
     */
    private static void quietLogging() {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.add(b.newAppender("stderr", "Console").addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
                .add(b.newLayout("PatternLayout").addAttribute("pattern", "spark %p %c{1}: %m%n")));
        b.add(b.newRootLogger(Level.WARN).add(b.newAppenderRef("stderr")));
        b.add(b.newLogger("org.apache.spark.scheduler.TaskSetManager", Level.ERROR));
        Configurator.reconfigure(b.build());
    }

    @Override public Factors fit(Csr train, int rank, int iterations, double regularization, double alpha, long seed) {
        if (spark == null) {
            throw new IllegalStateException("start the Spark peer before fitting");
        }
        List<Row> rows = new ArrayList<>(train.nnz());
        for (int u = 0; u < train.rows(); u++) {
            for (int k = train.indptr()[u]; k < train.indptr()[u + 1]; k++) {
                rows.add(RowFactory.create(u, train.indices()[k], 1f));
            }
        }
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("rating", DataTypes.FloatType, false);
        Dataset<Row> ratings = spark.createDataFrame(rows, schema);
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(rank)
                .setMaxIter(iterations)
                .setRegParam(regularization)
                .setAlpha(alpha)
                .setSeed(seed)
                .setUserCol("user")
                .setItemCol("item")
                .setRatingCol("rating");
        double cpu0 = ProcessCpu.seconds(); // local mode: Spark's executor threads are this process's
        long t0 = System.nanoTime();
        ALSModel model = als.fit(ratings); // materialises the factors (final storage level MEMORY_AND_DISK)
        double engineSeconds = (System.nanoTime() - t0) / 1e9;
        double engineCpuSeconds = ProcessCpu.seconds() - cpu0;
        float[] users = collect(model.userFactors(), train.rows(), rank);
        float[] items = collect(model.itemFactors(), train.cols(), rank);
        model.userFactors().unpersist();
        model.itemFactors().unpersist();
        return new Factors(rank, users, items, engineSeconds, engineCpuSeconds);
    }

    /** Spark's (id, features) rows into a dense row-major matrix; ids it has no factor for stay NaN. */
    private static float[] collect(Dataset<Row> factors, int n, int rank) {
        float[] out = new float[n * rank];
        Arrays.fill(out, Float.NaN);
        for (Row r : factors.collectAsList()) {
            int id = r.getInt(0);
            List<Object> f = r.getList(1);
            for (int k = 0; k < rank; k++) {
                out[id * rank + k] = ((Number) f.get(k)).floatValue();
            }
        }
        return out;
    }

    @Override public void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
