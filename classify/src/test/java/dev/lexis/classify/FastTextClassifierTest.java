package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastTextClassifierTest {
    @TempDir
    Path dir;

    @Test
    void learnsToyDataAndRoundTripsThroughAFile() throws IOException {
        FastTextConfig config = FastTextConfig.defaults().withBuckets(5000).withEpochs(20).withLearningRate(0.5)
                .withThreads(1).withSeed(3);
        FastTextClassifier model = new FastTextTrainer(config).train(ToyData.make(300, 1), ToyData.make(30, 9),
                TrainingListener.NONE);
        Evaluation e = model.evaluate(ToyData.make(90, 2));
        assertTrue(e.accuracy() >= 0.9, "toy accuracy " + e);
        Path file = dir.resolve("ft.lexis");
        model.save(file);
        TextClassifier loaded = TextClassifier.load(file);
        assertEquals("fasttext", loaded.kind());
        for (LabelledText t : ToyData.make(30, 3)) {
            assertEquals(model.predict(t.text()), loaded.predict(t.text()));   // exactly
        }
        assertEquals(config, ((FastTextClassifier) loaded).fastTextConfig());
        assertEquals(1.0 / 3, loaded.predict("").probability(), 1e-6);
        assertEquals(1.0 / 3, loaded.predict("zzz qqq").probabilityOf("pos"), 1e-6 + 0.2);
    }

    @Test
    void fileHoldsOnlyTheTouchedBucketRowsAndPredictsExactlyAsBeforeSaving() throws IOException {
        FastTextClassifier model = FastTextGoldenFiles.tinyModel();
        assertTrue(model.storedBucketCount() > 0 && model.storedBucketCount() < 1000, "stored buckets "
                + model.storedBucketCount());
        Path file = dir.resolve("ft2.lexis");
        model.save(file);
        ModelFile layout2 = ModelFile.load(file);
        assertEquals(List.of(FastTextInit.RULE), layout2.strings(FastTextClassifier.INPUT_INIT));
        assertEquals(model.storedBucketCount(), layout2.ints(FastTextClassifier.INPUT_BUCKETS).length);
        Path dense = dir.resolve("ft1.lexis");
        FastTextGoldenFiles.layout1(layout2).save(dense);
        assertTrue(Files.size(file) * 4 < Files.size(dense), Files.size(file) + " vs " + Files.size(dense) + " bytes");

        // the texts' unseen bigrams hash into untouched buckets: recomputed on load, as stored in layout 1
        String expected = FastTextGoldenFiles.probabilities(model);
        assertEquals(expected, FastTextGoldenFiles.probabilities(TextClassifier.load(file)));
        assertEquals(expected, FastTextGoldenFiles.probabilities(TextClassifier.load(dense)));
        FastTextClassifier reloaded = (FastTextClassifier) TextClassifier.load(file);
        reloaded.save(file);
        assertEquals(expected, FastTextGoldenFiles.probabilities(TextClassifier.load(file)));
    }

    @Test
    void layout1FileOfAnEarlierLexisStillLoads() throws IOException, URISyntaxException {
        Path golden = Path.of(getClass().getResource("fasttext-v1.lexis").toURI());
        String expected = Files.readString(golden.resolveSibling("fasttext-v1.probabilities.txt"));
        FastTextClassifier model = FastTextClassifier.load(golden);
        assertEquals(1000, model.storedBucketCount());
        assertEquals(expected, FastTextGoldenFiles.probabilities(model));
        Path resaved = dir.resolve("resaved.lexis");
        model.save(resaved);                                   // as layout 2, all buckets stored
        assertEquals(expected, FastTextGoldenFiles.probabilities(TextClassifier.load(resaved)));
    }

    @Test
    void anUnknownInitialisationRuleIsRefused() throws IOException {
        Path file = dir.resolve("ft.lexis");
        FastTextGoldenFiles.tinyModel().save(file);
        ModelFile original = ModelFile.load(file);
        var builder = ModelFile.builder("fasttext").config(original.config())
                .vocabulary(original.vocabularyWords(), original.vocabularyCounts())
                .strings("labels", original.strings("labels"));
        for (String t : original.tensorNames()) {
            builder.tensor(t, original.tensor(t));
        }
        builder.ints(FastTextClassifier.INPUT_BUCKETS, original.ints(FastTextClassifier.INPUT_BUCKETS))
                .strings(FastTextClassifier.INPUT_INIT, List.of("gaussian v9")).build().save(file);
        IOException e = assertThrows(IOException.class, () -> TextClassifier.load(file));
        assertTrue(e.getMessage().startsWith(file + ": not a valid fasttext model: initialisation rule [gaussian v9]"),
                e.getMessage());
    }

    @Test
    void initialValuesAreUniformInTheFastTextRange() {
        long base = FastTextInit.base(1);
        int dim = 100;
        double sum = 0;
        double sumSq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            float v = FastTextInit.value(base, i / dim, i % dim, dim);
            assertTrue(Math.abs(v) <= 1f / dim, "value " + v);
            sum += v;
            sumSq += (double) v * v;
        }
        double bound = 1.0 / dim;
        assertEquals(0, sum / n, bound * 0.01);
        assertEquals(bound * bound / 3, sumSq / n, bound * bound / 3 * 0.02);   // variance of uniform(-a, a)
        assertNotEquals(FastTextInit.value(FastTextInit.base(2), 0, 0, dim), FastTextInit.value(base, 0, 0, dim));
    }

    @Test
    void singleThreadTrainingIsReproducible() {
        FastTextConfig config = FastTextConfig.defaults().withBuckets(1000).withThreads(1).withEpochs(2);
        var a = new FastTextTrainer(config).train(ToyData.make(90, 1), List.of(), TrainingListener.NONE);
        var b = new FastTextTrainer(config).train(ToyData.make(90, 1), List.of(), TrainingListener.NONE);
        assertEquals(a.predict("a great film").probability(), b.predict("a great film").probability(), 0);
    }

    @Test
    void hashIsFastTexts() {
        // FNV-1a 32-bit: the empty string is the offset basis; "a" = (0x811C9DC5 ^ 0x61) * 16777619
        assertEquals(0x811C9DC5, FastTextFeatures.hash(""));
        assertEquals((0x811C9DC5 ^ 0x61) * 16777619, FastTextFeatures.hash("a"));
        // bytes >= 0x80 are sign-extended, as C's char: "é" = C3 A9
        int h = 0x811C9DC5;
        h = (h ^ (byte) 0xC3) * 16777619;
        h = (h ^ (byte) 0xA9) * 16777619;
        assertEquals(h, FastTextFeatures.hash("é"));
    }
}
