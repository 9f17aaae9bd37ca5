package dev.lexis.nn.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a {@link Trainer} runs.
 *
 * <p>The three forms of gradient descent are one setting, the batch size: <b>batch</b> gradient descent
 * ({@link #FULL_BATCH}: every example in each step, one step per epoch), <b>stochastic</b> (batch size 1) and
 * <b>mini-batch</b> (N). The gradient of a step is always that of the mean loss over its examples.
 *
 * @param epochs             passes over the training examples, &gt;= 1
 * @param batchSize          examples per optimizer step, &gt;= 1, or {@link #FULL_BATCH} (0) for all of them
 * @param threads            worker threads for data-parallel steps, &gt;= 1; each step's examples are split over
 *                           them in contiguous parts, each worker with its own tape and gradient buffers, then
 *                           the gradients are added in worker order and the optimizer steps once — deterministic
 *                           for a fixed thread count, equal to one thread up to float rounding
 * @param maxExamplesPerPass the most examples one forward/backward pass sees, &gt;= 1, or 0 for no limit;
 *                           larger parts are run as several passes whose gradients accumulate (so a full batch
 *                           need not fit in memory at once)
 * @param seed               the seed of the shuffling and of each worker tape's random numbers (dropout)
 * @param shuffle            shuffle the examples at the start of every epoch (seeded by seed and epoch)
 * @param patience           stop after this many epochs without a better validation metric, &gt;= 0 (0: never
 *                           stop early); needs a validation metric
 * @param restoreBest        at the end, put back the parameters of the epoch with the best validation metric
 */
public record TrainerConfig(int epochs, int batchSize, int threads, int maxExamplesPerPass, long seed, boolean shuffle,
                            int patience, boolean restoreBest) {
    /** The batch size meaning "all examples" (batch gradient descent). */
    public static final int FULL_BATCH = 0;

    private static final Set<String> KEYS = Set.of("epochs", "batchSize", "threads", "maxExamplesPerPass", "seed",
            "shuffle", "patience", "restoreBest");

    public TrainerConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be >= 1 (or 0 for the full batch), got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (maxExamplesPerPass < 0) {
            throw new IllegalArgumentException("maxExamplesPerPass must be >= 1 (or 0 for no limit), got "
                    + maxExamplesPerPass);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
    }

    /** 10 epochs of mini-batches of 32, one thread, no pass limit, seed 42, shuffled, no early stopping. */
    public static TrainerConfig defaults() {
        return new TrainerConfig(10, 32, 1, 0, 42L, true, 0, true);
    }

    public TrainerConfig withEpochs(int epochs) {
        return new TrainerConfig(epochs, batchSize, threads, maxExamplesPerPass, seed, shuffle, patience, restoreBest);
    }

    /** Mini-batch gradient descent with {@code batchSize} examples per step (1: stochastic; 0: full batch). */
    public TrainerConfig withBatchSize(int batchSize) {
        return new TrainerConfig(epochs, batchSize, threads, maxExamplesPerPass, seed, shuffle, patience, restoreBest);
    }

    /** Stochastic gradient descent: one example per step. */
    public TrainerConfig withStochastic() {
        return withBatchSize(1);
    }

    /** Batch gradient descent: all examples in every step. */
    public TrainerConfig withFullBatch() {
        return withBatchSize(FULL_BATCH);
    }

    public TrainerConfig withThreads(int threads) {
        return new TrainerConfig(epochs, batchSize, threads, maxExamplesPerPass, seed, shuffle, patience, restoreBest);
    }

    public TrainerConfig withMaxExamplesPerPass(int maxExamplesPerPass) {
        return new TrainerConfig(epochs, batchSize, threads, maxExamplesPerPass, seed, shuffle, patience, restoreBest);
    }

    public TrainerConfig withSeed(long seed) {
        return new TrainerConfig(epochs, batchSize, threads, maxExamplesPerPass, seed, shuffle, patience, restoreBest);
    }

    public TrainerConfig withShuffle(boolean shuffle) {
        return new TrainerConfig(epochs, batchSize, threads, maxExamplesPerPass, seed, shuffle, patience, restoreBest);
    }

    public TrainerConfig withPatience(int patience) {
        return new TrainerConfig(epochs, batchSize, threads, maxExamplesPerPass, seed, shuffle, patience, restoreBest);
    }

    public TrainerConfig withRestoreBest(boolean restoreBest) {
        return new TrainerConfig(epochs, batchSize, threads, maxExamplesPerPass, seed, shuffle, patience, restoreBest);
    }

    /** "batch", "stochastic" or "mini-batch (N)". */
    public String descentForm() {
        return batchSize == FULL_BATCH ? "batch" : batchSize == 1 ? "stochastic" : "mini-batch (" + batchSize + ")";
    }

    /** The examples per step for a training set of {@code exampleCount} examples. */
    public int stepSize(int exampleCount) {
        return batchSize == FULL_BATCH ? Math.max(1, exampleCount) : batchSize;
    }

    /** The config as properties (the keys are the record's component names). */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("epochs", Integer.toString(epochs));
        p.put("batchSize", Integer.toString(batchSize));
        p.put("threads", Integer.toString(threads));
        p.put("maxExamplesPerPass", Integer.toString(maxExamplesPerPass));
        p.put("seed", Long.toString(seed));
        p.put("shuffle", Boolean.toString(shuffle));
        p.put("patience", Integer.toString(patience));
        p.put("restoreBest", Boolean.toString(restoreBest));
        return p;
    }

    /**
     * A config from properties; missing keys keep their {@link #defaults()}.
     *
     * @throws IllegalArgumentException for an unknown key (naming it and the known ones) or a bad value
     */
    public static TrainerConfig fromProperties(Map<String, String> properties) {
        Set<String> unknown = new TreeSet<>(properties.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown trainer config keys " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        TrainerConfig d = defaults();
        return new TrainerConfig(
                intValue(properties, "epochs", d.epochs),
                intValue(properties, "batchSize", d.batchSize),
                intValue(properties, "threads", d.threads),
                intValue(properties, "maxExamplesPerPass", d.maxExamplesPerPass),
                longValue(properties, "seed", d.seed),
                booleanValue(properties, "shuffle", d.shuffle),
                intValue(properties, "patience", d.patience),
                booleanValue(properties, "restoreBest", d.restoreBest));
    }

    private static int intValue(Map<String, String> p, String key, int fallback) {
        String v = p.get(key);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got \"" + v + "\"", e);
        }
    }

    private static long longValue(Map<String, String> p, String key, long fallback) {
        String v = p.get(key);
        try {
            return v == null ? fallback : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got \"" + v + "\"", e);
        }
    }

    private static boolean booleanValue(Map<String, String> p, String key, boolean fallback) {
        String v = p.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got \"" + v + "\"");
        };
    }
}
