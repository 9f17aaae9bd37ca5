package dev.lexis.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NnlmTrainerTest {
    @TempDir
    Path dir;

    static NnlmConfig small() {
        return NnlmConfig.defaults().withContextSize(3).withEmbeddingDim(8).withHiddenSize(16).withMinCount(2)
                .withEpochs(3).withBatchSize(16).withThreads(1).withSeed(5).withLearningRate(0.2);
    }

    @Test
    void learnsTheToyGrammarBetterThanUniformAndSavesLoadsExactly() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 1500, 1);
        Path valid = TinyCorpus.write(dir, "valid.txt", 200, 2);
        List<TrainingProgress> reports = new ArrayList<>();
        NeuralLanguageModel model = new NnlmTrainer(small()).train(train, valid, reports::add);
        Perplexity p = Perplexity.of(model, valid);
        // the grammar allows ~7 subjects × 5 verbs × 5 objects × 4 endings: per-token perplexity well under 6
        assertTrue(p.perplexity() < 6, "valid perplexity " + p.perplexity());
        assertTrue(reports.stream().anyMatch(TrainingProgress::epochEnd));
        double[] dist = model.nextDistribution(model.vocabulary().encodeSentence("the cat", false).ids());
        double sum = 0;
        for (double x : dist) {
            sum += x;
        }
        assertEquals(1, sum, 1e-5);
        Path file = dir.resolve("m.lexis");
        model.save(file);
        LanguageModel back = LanguageModel.load(file);
        int[] ids = model.vocabulary().encode(valid).ids();
        assertArrayEquals(model.logProbabilities(ids), back.logProbabilities(ids), 1e-9);
    }

    @Test
    void oneThreadIsReproducibleAndHierarchicalSoftmaxAndAdamAndDirectTrain() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 600, 1);
        Path valid = TinyCorpus.write(dir, "valid.txt", 100, 2);
        NeuralLanguageModel a = new NnlmTrainer(small().withEpochs(1)).train(train, valid, null);
        NeuralLanguageModel b = new NnlmTrainer(small().withEpochs(1)).train(train, valid, null);
        int[] ids = a.vocabulary().encode(valid).ids();
        assertArrayEquals(a.logProbabilities(ids), b.logProbabilities(ids), 0);
        for (NnlmConfig c : List.of(
                small().withOutputLayer(NnlmConfig.OutputLayer.HIERARCHICAL_SOFTMAX),
                small().withOptimizer(NnlmConfig.Optimizer.ADAM).withLearningRate(0.01),
                small().withDirect(true).withWeightDecay(1e-5).withLearningRateDecay(1e-4).withThreads(2))) {
            NeuralLanguageModel m = new NnlmTrainer(c).train(train, valid, null);
            double ppl = Perplexity.of(m, valid).perplexity();
            assertTrue(ppl < 8, c + ": valid perplexity " + ppl);
            double sum = 0;
            for (double x : m.nextDistribution(new int[] {0, 2})) {
                sum += x;
            }
            assertEquals(1, sum, 1e-5, c.toString());
        }
    }

    @Test
    void checkpointResumesTheRun() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 600, 1);
        Path valid = TinyCorpus.write(dir, "valid.txt", 100, 2);
        Path ckpt = dir.resolve("run.ckpt");
        new NnlmTrainer(small().withEpochs(1).withOptimizer(NnlmConfig.Optimizer.ADAM).withLearningRate(0.01))
                .checkpointTo(ckpt).train(train, valid, null);
        ModelFile saved = ModelFile.load(ckpt, "nnlm");
        assertEquals("1", saved.config("train.epoch"));
        assertTrue(saved.hasTensor("adam.m.out"));
        List<TrainingProgress> reports = new ArrayList<>();
        NeuralLanguageModel resumed = new NnlmTrainer(small().withEpochs(2)).resumeFrom(ckpt).checkpointTo(ckpt)
                .train(train, valid, reports::add);
        assertEquals(2, reports.stream().filter(TrainingProgress::epochEnd).findFirst().orElseThrow().epoch());
        assertEquals("adam", resumed.config().optimizer().name().toLowerCase());
        assertEquals("2", ModelFile.load(ckpt, "nnlm").config("train.epoch"));
    }

    /** Thrown by a listener to stop a run the way a kill would, right after a mid-epoch checkpoint. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("killed");
        }
    }

    @Test
    void aRunKilledMidEpochAndResumedEndsWithTheSameWeightsAsOneUninterruptedRun() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 600, 1);
        Path valid = TinyCorpus.write(dir, "valid.txt", 100, 2);
        for (NnlmConfig c : List.of(
                small().withEpochs(2).withOptimizer(NnlmConfig.Optimizer.ADAM).withLearningRate(0.01).withDropout(0.2),
                small().withEpochs(3).withLearningRateDecay(1e-3),
                small().withEpochs(2).withOptimizer(NnlmConfig.Optimizer.ADAM).withLearningRate(0.01).withFofe(0.7)
                        .withFofeWindow(6))) {
            NeuralLanguageModel whole = new NnlmTrainer(c).train(train, valid, null);
            Path ckpt = dir.resolve("run.ckpt");
            int killEpoch = c.epochs();
            TrainingListener killer = new TrainingListener() {
                @Override
                public void onProgress(TrainingProgress p) {
                }

                @Override
                public void onCheckpoint(Path file, TrainingProgress p) {
                    if (p.epoch() == killEpoch && p.epochWords() >= 100 * 16) {
                        throw new Killed();
                    }
                }
            };
            assertThrows(Killed.class, () -> new NnlmTrainer(c).checkpointTo(ckpt).checkpointEvery(50)
                    .train(train, valid, killer));
            ModelFile saved = ModelFile.load(ckpt, "nnlm");
            assertEquals(Integer.toString(killEpoch - 1), saved.config("train.epoch"));
            assertEquals("100", saved.config("train.batch"), "killed before mini-batch 100 of the epoch");
            assertTrue(saved.hasTensor("best.C"), "a mid-epoch checkpoint holds the best weights so far");
            List<TrainingProgress> reports = new ArrayList<>();
            NeuralLanguageModel resumed = new NnlmTrainer(c).resumeFrom(ckpt).checkpointTo(ckpt).checkpointEvery(50)
                    .train(train, valid, reports::add);
            assertEquals(List.of(killEpoch), reports.stream().filter(TrainingProgress::epochEnd)
                    .map(TrainingProgress::epoch).toList(), "the resumed run finishes the killed epoch only");
            int[] ids = whole.vocabulary().encode(valid).ids();
            assertArrayEquals(whole.logProbabilities(ids), resumed.logProbabilities(ids), 0, c.toString());
            assertEquals(whole.provenance().get("model.valid_perplexity"),
                    resumed.provenance().get("model.valid_perplexity"));
        }
    }

    @Test
    void fofeModelTrainsSavesAndLoadsAndPlainFilesKeepTheirKeys() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 600, 1);
        Path valid = TinyCorpus.write(dir, "valid.txt", 100, 2);
        NnlmConfig c = small().withEpochs(2).withOptimizer(NnlmConfig.Optimizer.ADAM).withLearningRate(0.01)
                .withFofe(0.7).withDropout(0.1);
        assertEquals(20, c.effectiveFofeWindow(), "0.7^19 >= 0.001 > 0.7^20");
        assertEquals(20, c.historySize());
        NeuralLanguageModel m = new NnlmTrainer(c).train(train, valid, null);
        double ppl = Perplexity.of(m, valid).perplexity();
        assertTrue(ppl < 8, "valid perplexity " + ppl);
        assertEquals(20, m.historySize());
        assertTrue(m.toString().contains("fofe=0.7 K=20"), m.toString());
        // a context longer than K: only the last 20 ids matter
        int[] ids = m.vocabulary().encode(valid).ids();
        int[] longContext = java.util.Arrays.copyOf(ids, 30);
        int[] lastK = java.util.Arrays.copyOfRange(ids, 10, 30);
        assertArrayEquals(m.nextDistribution(longContext), m.nextDistribution(lastK), 0);
        double sum = 0;
        for (double x : m.nextDistribution(longContext)) {
            sum += x;
        }
        assertEquals(1, sum, 1e-5);
        // sampling and the mixture hand the model its whole history, not only n − 1 words
        KneserNeyModel kn = KneserNeyModel.train(m.vocabulary(), m.vocabulary().encode(train).ids(), 3, 2, 0);
        assertEquals(20, new InterpolatedModel(m, kn, 0.5).historySize());
        assertEquals(2, kn.historySize());
        List<String> text = new TextGenerator(1.0, 0, 3).generate(m, "the cat", 25);
        assertEquals(text, new TextGenerator(1.0, 0, 3).generate(m, "the cat", 25));
        Path file = dir.resolve("fofe.lexis");
        m.save(file);
        ModelFile saved = ModelFile.load(file, "nnlm");
        assertEquals("0.7", saved.config("fofe"));
        assertEquals("0", saved.config("fofe_window"));
        assertArrayEquals(new int[] {(3 + 1) * 8, 16}, saved.tensor("H").shape(), "H reads n − 1 blocks and FOFE's");
        LanguageModel back = LanguageModel.load(file);
        assertEquals(c, ((NeuralLanguageModel) back).config());
        assertArrayEquals(m.logProbabilities(ids), back.logProbabilities(ids), 1e-9);
        // the plain model writes no FOFE keys: its files are those of earlier versions, which read as plain
        NeuralLanguageModel plain = new NnlmTrainer(small().withEpochs(1)).train(train, valid, null);
        Path plainFile = dir.resolve("plain.lexis");
        plain.save(plainFile);
        ModelFile plainSaved = ModelFile.load(plainFile, "nnlm");
        assertTrue(plainSaved.findConfig("fofe").isEmpty());
        assertEquals(0, ((NeuralLanguageModel) LanguageModel.load(plainFile)).config().fofe());
        assertEquals(3, plain.historySize());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> small().withFofe(1));
        assertEquals("fofe must be >= 0 (0 = off) and < 1, got 1.0", bad.getMessage());
        assertEquals("fofeWindow must be 0 (automatic) to 1000, got -1",
                assertThrows(IllegalArgumentException.class, () -> small().withFofeWindow(-1)).getMessage());
    }

    @Test
    void nanLossStopsWithEpochStepAndRate() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 300, 1);
        Path valid = TinyCorpus.write(dir, "valid.txt", 50, 2);
        NnlmDivergedException e = assertThrows(NnlmDivergedException.class,
                () -> new NnlmTrainer(small().withLearningRate(1e30)).train(train, valid, null));
        assertTrue(e.getMessage().matches("epoch 1, step \\d+: loss is (NaN|infinite) \\(learning rate 1\\.000e\\+30\\); "
                + "try a lower rate or weight decay"), e.getMessage());
    }

    @Test
    void badInputsGiveOneLineErrors() throws Exception {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n\n");
        Path train = TinyCorpus.write(dir, "train.txt", 300, 1);
        Path unknown = dir.resolve("unknown.txt");
        Files.write(unknown, List.of("xyzzy plugh", "qwerty"));
        NnlmTrainer trainer = new NnlmTrainer(small());
        assertEquals(empty + ": no tokens; the training file is empty",
                assertThrows(IllegalArgumentException.class, () -> trainer.train(empty, train, null)).getMessage());
        assertEquals(unknown + ": all 3 tokens of the validation file are unknown words (none is in the vocabulary "
                        + "of the training file)",
                assertThrows(IllegalArgumentException.class, () -> trainer.train(train, unknown, null)).getMessage());
        assertEquals(empty + ": no tokens; the validation file is empty",
                assertThrows(IllegalArgumentException.class, () -> trainer.train(train, empty, null)).getMessage());

        Path cnn = dir.resolve("textcnn.lexis");
        ModelFile.builder("textcnn").config("filters", "100").tensor("w", Tensor.zeros(2, 2)).build().save(cnn);
        assertEquals(cnn + ": is a textcnn model, expected a language model (nnlm or kneser-ney)",
                assertThrows(IOException.class, () -> LanguageModel.load(cnn)).getMessage());

        KneserNeyModel kn = KneserNeyModel.train(train, 3, 1, 0);
        TextGenerator generator = new TextGenerator(1.0, 0, 1);
        assertEquals("prompt \"xyzzy plugh\" has no word of the vocabulary (" + kn.vocabulary().size()
                        + " words; all 2 prompt words are unknown); give at least one known word",
                assertThrows(IllegalArgumentException.class, () -> generator.generate(kn, " xyzzy plugh", 5))
                        .getMessage());
    }

    @Test
    void samplingIsReproducibleAndTopOneIsGreedy() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 500, 1);
        KneserNeyModel kn = KneserNeyModel.train(train, 3, 1, 0);
        List<String> a = new TextGenerator(0.8, 5, 42).generate(kn, "the cat", 30);
        assertEquals(a, new TextGenerator(0.8, 5, 42).generate(kn, "the cat", 30));
        assertEquals(30, a.size());
        List<String> greedy = new TextGenerator(1.0, 1, 1).generate(kn, "the old", 1);
        assertEquals(List.of("man"), greedy);
        assertEquals("a b\nc", TextGenerator.render(List.of("a", "b", "</s>", "c")));
    }
}
