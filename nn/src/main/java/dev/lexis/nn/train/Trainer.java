package dev.lexis.nn.train;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.optim.Optimizer;
import dev.lexis.nn.train.TrainingListener.EpochSummary;
import dev.lexis.nn.train.TrainingListener.StepProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Trains a {@link Trainable} with an {@link Optimizer}: epochs of (optionally shuffled) mini-batches, one
 * optimizer step per batch, data-parallel over {@link TrainerConfig#threads()} threads.
 *
 * <pre>{@code
 * TrainingResult result = new Trainer<Example>(TrainerConfig.defaults().withBatchSize(50).withEpochs(10))
 *         .listener(TrainingListener.stderr())
 *         .validation(() -> accuracy(model, dev), true)      // early stopping with patience, keep the best
 *         .checkpointTo(Path.of("run.ckpt"))                   // after every epoch; resumeFrom(...) continues
 *         .train(model, trainExamples, Optimizer.adam(model.parameters(), 1e-3f));
 * }</pre>
 *
 * <p>Each step: the optimizer's gradients are zeroed; the batch is split into contiguous parts, one per
 * thread (each in passes of at most {@link TrainerConfig#maxExamplesPerPass()}); each worker records
 * {@link Trainable#loss} on its own tape and runs backward weighted by its share of the batch; the workers'
 * gradients are added in worker order; the loss is checked (a NaN or infinite loss throws
 * {@link TrainingDivergedException} before the step); the optimizer steps once.
 *
 * <p>Reproducibility: the epoch order depends only on (seed, epoch) and each worker tape's random numbers on
 * (seed, epoch, worker), so a run with a fixed thread count is deterministic, and a run resumed from a
 * checkpoint continues exactly as the uninterrupted run would. Different thread counts agree up to float
 * rounding (the gradient sums are added in a different order).
 *
 * <p>A trainer is configured once and may run {@code train} several times; it is not thread-safe.
 */
public final class Trainer<E> {
    private final TrainerConfig config;
    private TrainingListener listener = TrainingListener.silent();
    private DoubleSupplier validation;
    private boolean higherIsBetter = true;
    private Path checkpointFile;
    private Path resumeFile;

    public Trainer(TrainerConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    public TrainerConfig config() {
        return config;
    }

    /** Where progress goes (default: nowhere; {@link TrainingListener#stderr()} prints it). */
    public Trainer<E> listener(TrainingListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        this.listener = listener;
        return this;
    }

    /**
     * A validation metric computed after every epoch (e.g. accuracy on a held-out set, with the model in
     * evaluation mode). It drives early stopping ({@link TrainerConfig#patience()}) and
     * {@link TrainerConfig#restoreBest()}.
     *
     * @param higherIsBetter true for accuracy, false for a loss or perplexity
     */
    public Trainer<E> validation(DoubleSupplier metric, boolean higherIsBetter) {
        this.validation = metric;
        this.higherIsBetter = higherIsBetter;
        return this;
    }

    /** Saves a {@link Checkpoint} to {@code file} after every epoch (atomically; the previous one is replaced). */
    public Trainer<E> checkpointTo(Path file) {
        this.checkpointFile = file;
        return this;
    }

    /**
     * Resumes from the checkpoint {@code file} if it exists (parameters, optimizer state, epoch, step and the
     * best validation so far), continuing with the epoch after the saved one. If it does not exist, training
     * starts from the beginning.
     */
    public Trainer<E> resumeFrom(Path file) {
        this.resumeFile = file;
        return this;
    }

    /**
     * Trains {@code model} on {@code examples}.
     *
     * @param trainingExamples the training examples (not modified; copied once if not random-access)
     * @param optimizer an optimizer over (at least) the model's trainable parameters
     * @throws TrainingDivergedException if a step's loss is NaN or infinite
     * @throws IllegalArgumentException  for no examples, an optimizer that misses a trainable parameter, or
     *                                   patience without a validation metric
     * @throws UncheckedIOException      if a checkpoint cannot be written or read (naming the file)
     */
    public TrainingResult train(Trainable<E> model, List<E> trainingExamples, Optimizer optimizer) {
        List<E> examples = trainingExamples instanceof RandomAccess ? trainingExamples : new ArrayList<>(trainingExamples);
        List<Parameter> parameters = List.copyOf(model.parameters());
        checkArguments(parameters, examples, optimizer);
        int n = examples.size();
        int batchSize = config.stepSize(n);
        int stepsPerEpoch = (n + batchSize - 1) / batchSize;

        int startEpoch = 1;
        long step = 0;
        int bestEpoch = 0;
        double best = Double.NaN;
        int epochsSinceBest = 0;
        Map<String, Tensor> bestValues = new LinkedHashMap<>();
        if (resumeFile != null && Files.exists(resumeFile)) {
            Map<String, Tensor> restoredBest = new LinkedHashMap<>();
            Checkpoint.Progress progress;
            try {
                progress = Checkpoint.restore(resumeFile, parameters, optimizer, restoredBest);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            startEpoch = progress.epoch() + 1;
            step = progress.step();
            bestEpoch = progress.bestEpoch();
            best = progress.bestValidation();
            epochsSinceBest = progress.epochsSinceBest();
            for (Parameter p : parameters) {
                Tensor saved = restoredBest.get(p.name());
                if (saved != null) {
                    bestValues.put(p.name(), saved.copy());
                }
            }
        }

        List<EpochSummary> summaries = new ArrayList<>();
        boolean stoppedEarly = false;
        int lastEpoch = startEpoch - 1;
        long runStart = System.nanoTime();
        long stepsThisRun = 0;
        long totalStepsThisRun = (long) Math.max(0, config.epochs() - startEpoch + 1) * stepsPerEpoch;
        List<E> batch = new ArrayList<>(batchSize);
        try (DataParallel<E> workers = new DataParallel<>(config.threads(), config.maxExamplesPerPass())) {
            for (int epoch = startEpoch; epoch <= config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                int[] order = config.shuffle() ? MiniBatches.epochOrder(n, config.seed(), epoch) : identity(n);
                workers.seed(config.seed(), epoch);
                double lossSum = 0;
                long seen = 0;
                for (int s = 0; s < stepsPerEpoch; s++) {
                    batch.clear();
                    int end = Math.min(n, (s + 1) * batchSize);
                    for (int i = s * batchSize; i < end; i++) {
                        batch.add(examples.get(order[i]));
                    }
                    float rate = optimizer.currentLearningRate();
                    optimizer.zeroGrad();
                    double loss = workers.run(model, Collections.unmodifiableList(batch));
                    step++;
                    stepsThisRun++;
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException(epoch, step, (float) loss, rate, firstNonFiniteGradient(parameters));
                    }
                    optimizer.step();
                    lossSum += loss * batch.size();
                    seen += batch.size();
                    long now = System.nanoTime();
                    double seconds = Math.max(1e-9, (now - epochStart) / 1e9);
                    long nanosPerStep = (now - runStart) / stepsThisRun;
                    listener.onStep(new StepProgress(epoch, config.epochs(), step, s + 1, stepsPerEpoch, lossSum / seen,
                            rate, seen / seconds, Duration.ofNanos(nanosPerStep * (totalStepsThisRun - stepsThisRun))));
                }
                double trainSeconds = Math.max(1e-9, (System.nanoTime() - epochStart) / 1e9);
                OptionalDouble metric = OptionalDouble.empty();
                boolean isBest = false;
                if (validation != null) {
                    double value = validation.getAsDouble();
                    metric = OptionalDouble.of(value);
                    isBest = bestEpoch == 0 || (higherIsBetter ? value > best : value < best);
                    if (isBest) {
                        best = value;
                        bestEpoch = epoch;
                        epochsSinceBest = 0;
                        if (config.restoreBest()) {
                            copyValues(parameters, bestValues);
                        }
                    } else {
                        epochsSinceBest++;
                    }
                }
                lastEpoch = epoch;
                stoppedEarly = validation != null && config.patience() > 0 && epochsSinceBest >= config.patience()
                        && epoch < config.epochs();
                if (checkpointFile != null) {
                    try {
                        Checkpoint.save(checkpointFile, parameters, optimizer,
                                new Checkpoint.Progress(epoch, step, bestEpoch, best, epochsSinceBest), bestValues,
                                config.toProperties());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e.getMessage(), e);
                    }
                }
                EpochSummary summary = new EpochSummary(epoch, config.epochs(), step, lossSum / seen, metric, isBest,
                        seen / trainSeconds, Duration.ofNanos(System.nanoTime() - epochStart));
                summaries.add(summary);
                listener.onEpoch(summary);
                if (stoppedEarly) {
                    break;
                }
            }
        }
        boolean restored = false;
        if (validation != null && config.restoreBest() && bestEpoch > 0 && bestEpoch != lastEpoch
                && !bestValues.isEmpty()) {
            for (Parameter p : parameters) {
                Tensor saved = bestValues.get(p.name());
                if (saved != null) {
                    p.value().copyFrom(saved);
                }
            }
            restored = true;
        }
        return new TrainingResult(summaries, lastEpoch, step, stoppedEarly, bestEpoch,
                bestEpoch > 0 ? OptionalDouble.of(best) : OptionalDouble.empty(), restored);
    }

    private void checkArguments(List<Parameter> parameters, List<E> examples, Optimizer optimizer) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (config.patience() > 0 && validation == null) {
            throw new IllegalArgumentException("patience " + config.patience() + " needs a validation metric; "
                    + "call validation(...) or set patience 0");
        }
        Set<Parameter> optimized = Collections.newSetFromMap(new IdentityHashMap<>());
        optimized.addAll(optimizer.parameters());
        for (Parameter p : parameters) {
            if (p.isTrainable() && !optimized.contains(p)) {
                throw new IllegalArgumentException("the optimizer does not update parameter \"" + p.name()
                        + "\"; create it over the model's parameters()");
            }
        }
    }

    private static void copyValues(List<Parameter> parameters, Map<String, Tensor> into) {
        for (Parameter p : parameters) {
            Tensor copy = into.get(p.name());
            if (copy == null) {
                into.put(p.name(), p.value().copy());
            } else {
                copy.copyFrom(p.value());
            }
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** The first trainable parameter whose gradient holds a NaN or infinity (touched rows of sparse ones). */
    static String firstNonFiniteGradient(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (!p.isTrainable()) {
                continue;
            }
            float[] g = p.grad().data();
            int base = p.grad().offset();
            if (p.isSparseRows()) {
                int rowSize = p.rowSize();
                for (int i = 0; i < p.touchedRowCount(); i++) {
                    if (!allFinite(g, base + p.touchedRow(i) * rowSize, rowSize)) {
                        return p.name();
                    }
                }
            } else if (!allFinite(g, base, p.grad().size())) {
                return p.name();
            }
        }
        return null;
    }

    private static boolean allFinite(float[] x, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }
}
