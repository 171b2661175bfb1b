package dev.augur.cli;

import dev.augur.core.dataset.sample.SampleDataGenerator;
import dev.augur.core.dataset.sample.SampleSpec;
import dev.augur.core.dataset.sample.SampleSummary;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the bundled sample data set: {@code GenerateSampleMain --out DIR [--seed N] [--items N] [--users N]
 * [--interactions N] [--topics N] [--cold F]}; anything left out takes {@link SampleSpec#defaults()}'s value.
 * Prints one summary line.
 */
public final class GenerateSampleMain {
    private GenerateSampleMain() {
    }

    public static void main(String[] args) {
        SampleSpec d = SampleSpec.defaults();
        Path out = null;
        long seed = d.seed();
        int items = d.items();
        int users = d.users();
        int interactions = d.interactions();
        int topics = d.topics();
        double cold = d.coldFraction();
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--out" -> out = Path.of(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--items" -> items = Integer.parseInt(value);
                    case "--users" -> users = Integer.parseInt(value);
                    case "--interactions" -> interactions = Integer.parseInt(value);
                    case "--topics" -> topics = Integer.parseInt(value);
                    case "--cold" -> cold = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            SampleSummary summary = SampleDataGenerator.write(out,
                    new SampleSpec(seed, items, users, interactions, topics, cold));
            System.out.println(summary.describe());
        } catch (IllegalArgumentException e) {
            System.err.println("generate-sample: " + e.getMessage());
            System.err.println("usage: GenerateSampleMain --out DIR [--seed N] [--items N] [--users N]"
                    + " [--interactions N] [--topics N] [--cold F]");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("generate-sample: " + e);
            System.exit(1);
        }
    }
}
