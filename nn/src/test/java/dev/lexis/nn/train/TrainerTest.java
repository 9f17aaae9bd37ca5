package dev.lexis.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.io.ModelFile;
import dev.lexis.nn.optim.Optimizer;
import dev.lexis.nn.train.LogisticModel.Example;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final int DIM = 5;
    private static final int IDS = 40;

    @TempDir
    Path dir;

    private static List<Example> data() {
        return LogisticModel.data(600, DIM, IDS, 17);
    }

    private static float[] values(LogisticModel model) {
        float[] w = model.w.value().toArray();
        float[] b = model.b.value().toArray();
        float[] e = model.e.value().toArray();
        float[] all = Arrays.copyOf(w, w.length + b.length + e.length);
        System.arraycopy(b, 0, all, w.length, b.length);
        System.arraycopy(e, 0, all, w.length + b.length, e.length);
        return all;
    }

    private static LogisticModel trained(TrainerConfig config, Function<List<Parameter>, Optimizer> optimizer) {
        LogisticModel model = new LogisticModel(DIM, IDS);
        new Trainer<Example>(config).train(model, data(), optimizer.apply(model.parameters()));
        return model;
    }

    @Test
    void miniBatchTrainingLearnsAndLossFalls() {
        LogisticModel model = new LogisticModel(DIM, IDS);
        List<Example> data = data();
        double before = model.accuracy(data);
        TrainingResult result = new Trainer<Example>(TrainerConfig.defaults().withEpochs(8).withBatchSize(20))
                .train(model, data, Optimizer.adam(model.parameters(), 0.05f));
        assertTrue(model.accuracy(data) > 0.88, "accuracy " + before + " -> " + model.accuracy(data));
        assertEquals(8, result.epochs().size());
        assertEquals(8 * 30, result.steps());
        assertTrue(result.epochs().get(7).trainLoss() < result.epochs().get(0).trainLoss() * 0.8, result.toString());
    }

    @Test
    void theThreeFormsOfGradientDescentAreOneSetting() {
        TrainerConfig base = TrainerConfig.defaults().withEpochs(2);
        assertEquals("batch", base.withFullBatch().descentForm());
        assertEquals("stochastic", base.withStochastic().descentForm());
        assertEquals("mini-batch (32)", base.descentForm());
        for (var c : List.of(base.withFullBatch(), base.withStochastic(), base.withBatchSize(64))) {
            LogisticModel model = new LogisticModel(DIM, IDS);
            TrainingResult r = new Trainer<Example>(c).train(model, data(), Optimizer.sgd(model.parameters(), 0.5f));
            int expectedSteps = c.batchSize() == 0 ? 1 : (600 + c.batchSize() - 1) / c.batchSize();
            assertEquals(2L * expectedSteps, r.steps(), c.descentForm());
            assertTrue(model.accuracy(data()) > 0.6, c.descentForm() + ": " + model.accuracy(data()));
        }
    }

    @Test
    void passesSplitABatchWithoutChangingTheGradient() {
        TrainerConfig full = TrainerConfig.defaults().withEpochs(3).withFullBatch();
        float[] whole = values(trained(full, ps -> Optimizer.sgd(ps, 1f)));
        float[] inPasses = values(trained(full.withMaxExamplesPerPass(7), ps -> Optimizer.sgd(ps, 1f)));
        assertArrayEquals(whole, inPasses, 1e-5f);
    }

    @Test
    void dataParallelIsDeterministicAndMatchesOneThread() {
        TrainerConfig config = TrainerConfig.defaults().withEpochs(3).withBatchSize(50);
        Function<List<Parameter>, Optimizer> adam = ps -> Optimizer.adam(ps, 0.02f);
        float[] one = values(trained(config, adam));
        float[] two = values(trained(config.withThreads(2), adam));
        float[] twoAgain = values(trained(config.withThreads(2), adam));
        float[] three = values(trained(config.withThreads(3).withMaxExamplesPerPass(6), adam));
        assertArrayEquals(two, twoAgain, "a fixed thread count is deterministic");
        assertArrayEquals(one, two, 1e-4f);
        assertArrayEquals(one, three, 1e-4f);
    }

    @Test
    void aNaNLossStopsTrainingNamingEpochStepParameterAndRate() {
        LogisticModel model = new LogisticModel(DIM, IDS);
        model.nanFromCall = 32;   // 30 steps per epoch: the third step of epoch 2
        var trainer = new Trainer<Example>(TrainerConfig.defaults().withEpochs(3).withBatchSize(20));
        var e = assertThrows(TrainingDivergedException.class,
                () -> trainer.train(model, data(), Optimizer.sgd(model.parameters(), 0.025f)));
        assertEquals("epoch 2, step 33: loss is NaN, gradient of \"w\" is not finite (learning rate 0.025); "
                + "try a lower rate or gradient clipping", e.getMessage());
        assertEquals(2, e.epoch());
        assertEquals(33, e.step());
        assertEquals("w", e.parameter().orElseThrow());
        for (float v : values(model)) {
            assertTrue(Float.isFinite(v), "the NaN step must not reach the weights");
        }
        assertEquals("epoch 1, step 7: loss is +Infinity (learning rate 0.1); try a lower rate or gradient clipping",
                new TrainingDivergedException(1, 7, Float.POSITIVE_INFINITY, 0.1f, null).getMessage());
    }

    @Test
    void workerFailuresReachTheCaller() {
        LogisticModel model = new LogisticModel(DIM, IDS);
        model.throwFromCall = 5;
        var trainer = new Trainer<Example>(TrainerConfig.defaults().withThreads(2).withBatchSize(20));
        var e = assertThrows(IllegalStateException.class,
                () -> trainer.train(model, data(), Optimizer.sgd(model.parameters(), 0.1f)));
        assertTrue(e.getMessage().startsWith("model failed on purpose in "), e.getMessage());
    }

    @Test
    void earlyStoppingKeepsTheBestParameters() {
        LogisticModel model = new LogisticModel(DIM, IDS);
        double[] metrics = {0.5, 0.7, 0.6, 0.65, 0.9};
        int[] calls = {0};
        List<float[]> snapshots = new ArrayList<>();
        TrainingResult r = new Trainer<Example>(TrainerConfig.defaults().withEpochs(5).withPatience(2))
                .validation(() -> {
                    snapshots.add(values(model));
                    return metrics[calls[0]++];
                }, true)
                .train(model, data(), Optimizer.sgd(model.parameters(), 0.5f));
        assertTrue(r.stoppedEarly());
        assertEquals(4, r.lastEpoch());
        assertEquals(2, r.bestEpoch());
        assertEquals(0.7, r.best().orElseThrow());
        assertTrue(r.restoredBest());
        assertArrayEquals(snapshots.get(1), values(model), "parameters of epoch 2 are back");
        assertTrue(r.epochs().get(1).best());
        assertFalse(r.epochs().get(2).best());

        var noMetric = new Trainer<Example>(TrainerConfig.defaults().withPatience(2));
        var e = assertThrows(IllegalArgumentException.class,
                () -> noMetric.train(model, data(), Optimizer.sgd(model.parameters(), 0.5f)));
        assertEquals("patience 2 needs a validation metric; call validation(...) or set patience 0", e.getMessage());
    }

    @Test
    void aResumedRunEqualsAnUninterruptedOne() throws Exception {
        TrainerConfig config = TrainerConfig.defaults().withEpochs(4).withBatchSize(25);
        LogisticModel straight = new LogisticModel(DIM, IDS);
        new Trainer<Example>(config).train(straight, data(), Optimizer.adam(straight.parameters(), 0.03f));

        Path checkpoint = dir.resolve("run.ckpt");
        LogisticModel first = new LogisticModel(DIM, IDS);
        new Trainer<Example>(config.withEpochs(2)).checkpointTo(checkpoint)
                .train(first, data(), Optimizer.adam(first.parameters(), 0.03f));
        ModelFile saved = ModelFile.load(checkpoint, Checkpoint.KIND);
        assertEquals("2", saved.config("checkpoint.epoch"));
        assertEquals("48", saved.config("checkpoint.step"));
        assertTrue(saved.hasTensor("optimizer.adam.m/e"));

        LogisticModel resumed = new LogisticModel(DIM, IDS);
        TrainingResult r = new Trainer<Example>(config).resumeFrom(checkpoint)
                .train(resumed, data(), Optimizer.adam(resumed.parameters(), 0.03f));
        assertEquals(2, r.epochs().size());
        assertEquals(4, r.lastEpoch());
        assertEquals(96, r.steps());
        assertArrayEquals(values(straight), values(resumed));

        LogisticModel other = new LogisticModel(DIM, IDS);
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer<Example>(config).resumeFrom(checkpoint)
                .train(other, data(), Optimizer.sgd(other.parameters(), 0.1f)));
        assertEquals(checkpoint + ": the checkpoint was trained with adam, cannot resume with sgd", e.getMessage());

        Files.writeString(checkpoint, "garbage");
        var io = assertThrows(UncheckedIOException.class, () -> new Trainer<Example>(config).resumeFrom(checkpoint)
                .train(other, data(), Optimizer.adam(other.parameters(), 0.1f)));
        assertTrue(io.getMessage().startsWith(checkpoint + ": not a Lexis model file"), io.getMessage());
    }

    @Test
    void theListenerSeesEveryStepAndEpoch() {
        List<TrainingListener.StepProgress> steps = new ArrayList<>();
        List<TrainingListener.EpochSummary> epochs = new ArrayList<>();
        LogisticModel model = new LogisticModel(DIM, IDS);
        new Trainer<Example>(TrainerConfig.defaults().withEpochs(2).withBatchSize(100))
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(StepProgress p) {
                        steps.add(p);
                    }

                    @Override
                    public void onEpoch(EpochSummary s) {
                        epochs.add(s);
                    }
                })
                .validation(() -> model.accuracy(data()), true)
                .train(model, data(), Optimizer.sgd(model.parameters(), 0.5f));
        assertEquals(12, steps.size());
        assertEquals(2, epochs.size());
        var last = steps.get(11);
        assertEquals(2, last.epoch());
        assertEquals(12, last.step());
        assertEquals(6, last.stepInEpoch());
        assertEquals(6, last.stepsPerEpoch());
        assertEquals(Duration.ZERO, last.remaining());
        assertTrue(last.examplesPerSecond() > 0);
        assertEquals(0.5f, last.learningRate());
        assertTrue(epochs.get(1).validation().isPresent());

        var bytes = new ByteArrayOutputStream();
        var printer = TrainingListener.printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO);
        printer.onStep(new TrainingListener.StepProgress(3, 10, 12480, 80, 200, 0.69314, 0.025f, 12345.6,
                Duration.ofSeconds(125)));
        printer.onEpoch(new TrainingListener.EpochSummary(3, 10, 600, 0.5, java.util.OptionalDouble.of(0.75), true,
                2000, Duration.ofSeconds(3725)));
        assertEquals("epoch 3/10  step 80/200  loss 0.6931  lr 0.0250  12,346 examples/s  ETA 2:05\n"
                + "epoch 3/10  train loss 0.5000  validation 0.7500 (best)  2,000 examples/s  1:02:05\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOptimizerMustCoverTheModel() {
        LogisticModel model = new LogisticModel(DIM, IDS);
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer<Example>(TrainerConfig.defaults())
                .train(model, data(), Optimizer.sgd(List.of(model.w, model.b), 0.1f)));
        assertEquals("the optimizer does not update parameter \"e\"; create it over the model's parameters()",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer<Example>(TrainerConfig.defaults())
                .train(model, List.of(), Optimizer.sgd(model.parameters(), 0.1f)));
        assertEquals("no training examples", e.getMessage());
    }

    @Test
    void configValidatesAndConvertsToProperties() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrainerConfig.defaults().withThreads(0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainerConfig.defaults().withBatchSize(-1));
        assertEquals("batchSize must be >= 1 (or 0 for the full batch), got -1", e.getMessage());
        TrainerConfig c = TrainerConfig.defaults().withEpochs(3).withStochastic().withSeed(-5).withShuffle(false);
        assertEquals(c, TrainerConfig.fromProperties(c.toProperties()));
        e = assertThrows(IllegalArgumentException.class, () -> TrainerConfig.fromProperties(Map.of("epoch", "3")));
        assertTrue(e.getMessage().startsWith("unknown trainer config keys [epoch]; known: [batchSize, epochs,"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainerConfig.fromProperties(Map.of("shuffle", "yes")));
        assertEquals("shuffle must be true or false, got \"yes\"", e.getMessage());
    }

    @Test
    void miniBatchesAreSeededPermutations() {
        int[] a = MiniBatches.shuffledOrder(100, new SplittableRandom(1));
        int[] b = MiniBatches.shuffledOrder(100, new SplittableRandom(1));
        assertArrayEquals(a, b);
        Set<Integer> seen = new HashSet<>();
        for (int i : a) {
            seen.add(i);
        }
        assertEquals(100, seen.size());
        assertFalse(Arrays.equals(MiniBatches.epochOrder(100, 7, 1), MiniBatches.epochOrder(100, 7, 2)));
        assertArrayEquals(MiniBatches.epochOrder(100, 7, 3), MiniBatches.epochOrder(100, 7, 3));
        List<List<Integer>> batches = MiniBatches.shuffled(List.of(0, 1, 2, 3, 4, 5, 6), 3, new SplittableRandom(2));
        assertEquals(List.of(3, 3, 1), batches.stream().map(List::size).toList());
    }
}
