package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.corpora.LabelledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCnnClassifierTest {
    @TempDir
    Path dir;

    private static TextCnnConfig small() {
        return TextCnnConfig.defaults().withEmbeddingDim(16).withFilters(List.of(2, 3), 8).withEpochs(6)
                .withBatchSize(10).withThreads(2).withSeed(5);
    }

    @Test
    void learnsToyDataAndRoundTripsThroughAFile() throws IOException {
        List<LabelledText> train = ToyData.make(300, 1);
        List<LabelledText> test = ToyData.make(90, 2);
        List<TrainingListener.EpochReport> reports = new ArrayList<>();
        TextCnnClassifier model = new TextCnnTrainer(small()).train(train, test.subList(0, 30), reports::add);
        assertEquals(6, reports.size());
        assertTrue(reports.get(5).loss() < reports.get(0).loss(), "loss should fall: " + reports);
        Evaluation e = model.evaluate(test);
        assertTrue(e.accuracy() >= 0.9, "toy accuracy " + e);
        assertEquals(List.of("neg", "pos", "question"), model.labels());

        Path file = dir.resolve("toy.lexis");
        model.save(file);
        TextClassifier loaded = TextClassifier.load(file);
        assertEquals("textcnn", loaded.kind());
        assertEquals("kim", loaded.analyzer());
        assertEquals("16", loaded.config().get("embeddingDim"));
        for (LabelledText t : test) {
            Prediction a = model.predict(t.text());
            Prediction b = loaded.predict(t.text());
            assertEquals(a.label(), b.label());
            assertEquals(a.probability(), b.probability(), 1e-6);
        }
        Prediction p = loaded.predict("the film was superb");
        assertEquals("pos", p.label());
        assertEquals(1.0, p.ranked().stream().mapToDouble(ScoredLabel::probability).sum(), 1e-5);
        assertEquals(2, loaded.topK("the film was superb", 2).size());
    }

    @Test
    void trainingIsReproducibleAndPredictionIsThreadSafe() throws Exception {
        List<LabelledText> train = ToyData.make(120, 3);
        TextCnnClassifier a = new TextCnnTrainer(small().withEpochs(2)).train(train, List.of(), TrainingListener.NONE);
        TextCnnClassifier b = new TextCnnTrainer(small().withEpochs(2)).train(train, List.of(), TrainingListener.NONE);
        List<String> texts = ToyData.make(60, 4).stream().map(LabelledText::text).toList();
        List<Prediction> expected = a.predictAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(expected.get(i).probability(), b.predict(texts.get(i)).probability(), 0);
            assertEquals(expected.get(i).probability(), a.predict(texts.get(i)).probability(), 1e-6);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int r = 0; r < 20; r++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (Math.abs(a.predict(texts.get(i)).probability() - expected.get(i).probability()) > 1e-6) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get(), "concurrent predictions differ");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void emptyTextGetsTheTrainingDistribution() throws IOException {
        List<LabelledText> train = ToyData.make(90, 5);
        TextCnnClassifier model = new TextCnnTrainer(small().withEpochs(1)).train(train, List.of(), TrainingListener.NONE);
        Prediction p = model.predict("   ");
        assertEquals(1.0 / 3, p.probability(), 1e-6);
        assertEquals(1.0 / 3, p.probabilityOf("question"), 1e-6);
    }

    @Test
    void pretrainedModesUseTheVectorsAndCheckTheDimension() throws IOException {
        Path vectors = ToyData.writeVectors(dir.resolve("vectors.txt"));
        List<LabelledText> train = ToyData.make(150, 6);
        for (CnnMode mode : List.of(CnnMode.STATIC, CnnMode.NON_STATIC, CnnMode.MULTICHANNEL)) {
            TextCnnConfig config = small().withEmbeddingDim(0).withEmbeddings(mode, vectors.toString()).withEpochs(2);
            TextCnnClassifier model = new TextCnnTrainer(config).train(train, List.of(), TrainingListener.NONE);
            assertEquals(4, model.textCnnConfig().embeddingDim());
            // vocabulary = training words + the other pre-trained words
            assertTrue(model.vocabularySize() > 20, mode + ": " + model.vocabularySize());
            Path file = dir.resolve(mode.spec() + ".lexis");
            model.save(file);
            assertEquals(model.predict("unseenword film").probability(),
                    TextClassifier.load(file).predict("unseenword film").probability(), 1e-6);
        }
        TextCnnConfig mismatch = small().withEmbeddingDim(300).withEmbeddings(CnnMode.STATIC, vectors.toString());
        var ex = assertThrows(IllegalArgumentException.class,
                () -> new TextCnnTrainer(mismatch).train(train, List.of(), TrainingListener.NONE));
        assertEquals(vectors + ": vectors have dimension 4, but embeddingDim (--dim) is 300; drop --dim or use "
                + "vectors of dimension 300", ex.getMessage());
    }

    @Test
    void notesTheVectorCoverageAndNormalisesRowsWhenAsked() throws IOException {
        Path vectors = dir.resolve("long.txt");
        // "great" 10× longer than "awful": with normalizeVectors both rows have the same length
        Files.writeString(vectors, "2 3\ngreat 3 0 4\nawful 0 0.3 0.4\n");
        List<LabelledText> train = List.of(new LabelledText("pos", "great great film", "t:2"),
                new LabelledText("neg", "awful film", "t:3"));
        List<String> notes = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
            }

            @Override
            public void onNote(String note) {
                notes.add(note);
            }
        };
        TextCnnConfig config = small().withEmbeddingDim(0).withEmbeddings(CnnMode.STATIC, vectors.toString())
                .withEpochs(1).withNormalizeVectors(true);
        TextCnnClassifier model = new TextCnnTrainer(config).train(train, List.of(), listener);
        assertEquals("vectors " + vectors + ": 2 words of dimension 3; 2 of 3 training word types (60.0 % of 5 "
                + "training tokens) have a vector", notes.get(0));
        assertTrue(notes.get(1).startsWith("vectors: standard deviation 0.1443 (scaled by "), notes.get(1));
        assertTrue(model.textCnnConfig().normalizeVectors());
        Path file = dir.resolve("static.lexis");
        model.save(file);
        var saved = dev.lexis.nn.io.ModelFile.load(file, TextCnnClassifier.KIND);
        float[] st = saved.tensor("embedding.static").toArray();
        List<String> words = saved.vocabularyWords();
        double great = norm(st, words.indexOf("great") * 3);
        double awful = norm(st, words.indexOf("awful") * 3);
        assertEquals(great, awful, 1e-5, "rows of equal length after normalisation");
        assertEquals("true", TextCnnConfig.fromProperties(config.toProperties()).toProperties().get("normalizeVectors"));
    }

    private static double norm(float[] a, int off) {
        return Math.sqrt(a[off] * a[off] + a[off + 1] * a[off + 1] + a[off + 2] * a[off + 2]);
    }

    @Test
    void outputLengthFollowsTheFormula() {
        TextCnnConfig c = TextCnnConfig.defaults().withPaddingAndStride(2, 2);
        assertEquals((7 + 4 - 3) / 2 + 1, c.outputLength(7, 3));
        assertEquals(0, c.withPaddingAndStride(0, 1).outputLength(2, 3));
        assertEquals(4, TextCnnConfig.defaults().effectivePadding());
        List<LabelledText> train = ToyData.make(90, 7);
        TextCnnClassifier model = assertDoesNotThrowTrain(small().withPaddingAndStride(0, 2).withEpochs(1), train);
        assertEquals(3, model.labels().size());
    }

    private static TextCnnClassifier assertDoesNotThrowTrain(TextCnnConfig c, List<LabelledText> train) {
        try {
            return new TextCnnTrainer(c).train(train, List.of(), TrainingListener.NONE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void configPropertiesRoundTripAndRejectUnknownKeys() {
        TextCnnConfig c = small().withDropout(0.3);
        assertEquals(c, TextCnnConfig.fromProperties(c.toProperties()));
        var ex = assertThrows(IllegalArgumentException.class,
                () -> TextCnnConfig.fromProperties(Map.of("featureMap", "10")));
        assertTrue(ex.getMessage().startsWith("unknown textcnn option(s) [featureMap]; known: "), ex.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> small().withDropout(1.0));
        assertEquals("dropout must be in [0, 1), got 1.0", bad.getMessage());
        var mode = assertThrows(IllegalArgumentException.class,
                () -> TextCnnConfig.fromProperties(Map.of("mode", "static")));
        assertEquals("mode static needs pre-trained vectors: set embeddings (--embeddings FILE)", mode.getMessage());
    }
}
