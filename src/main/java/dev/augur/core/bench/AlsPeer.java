package dev.augur.core.bench;

import dev.augur.core.rank.Csr;

import java.util.Optional;

/**
 * An implicit-feedback ALS from outside Augur that {@code bench rank} fits on the same split as Augur's own, to
 * be scored by the same evaluator from the factors it returns. Implementations live outside the app build (the
 * Apache Spark one under the Maven profile {@code spark}, ADR 0008) and are found by class name at run time.
 */
public interface AlsPeer extends AutoCloseable {

    /** The Apache Spark MLlib peer, compiled only with {@code mvn -Pspark}. */
    String SPARK_CLASS = "dev.augur.bench.spark.SparkAlsPeer";

    /** What the peer is, with its version and threads (for reports). */
    String name();

    /** Starts the engine on {@code threads} cores (for Spark: the local session); timed apart from fitting. */
    void start(int threads);

    /**
     * Fits on {@code train} (users × items; every entry an implicit positive of value 1) with the given settings
     * and returns the factors; {@code engineSeconds} is the engine's own fit, without moving data in and out, and
     * {@code engineCpuSeconds} the process CPU time it took ({@link ProcessCpu}; NaN when unknown).
     */
    Factors fit(Csr train, int rank, int iterations, double regularization, double alpha, long seed);

    @Override void close();

    /**
     * Row-major factors ({@code rank} wide) for every dense user and item of the training matrix; the rows of
     * users or items the engine returned no factor for are NaN (the item cannot be ranked).
     */
    record Factors(int rank, float[] users, float[] items, double engineSeconds, double engineCpuSeconds) {
    }

    /** The Spark peer when this build carries it. */
    static Optional<AlsPeer> spark() {
        try {
            Class<?> c = Class.forName(SPARK_CLASS);
            return Optional.of((AlsPeer) c.getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Spark peer " + SPARK_CLASS + ": " + e, e);
        }
    }

    /** What to tell someone who asked for the Spark peer in a build without it. */
    String SPARK_MISSING = "the Apache Spark peer is not in this build (the app does not ship Spark). Build it with"
            + " `mvn -Pspark -DskipTests package` (downloads Spark once, about 300 MB, into ~/.m2) and run"
            + " `java -jar target/spark/augur.jar bench rank --peer spark`";
}
