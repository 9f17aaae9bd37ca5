package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
            assertEquals(model.predict(t.text()).probability(), loaded.predict(t.text()).probability(), 1e-7);
        }
        assertEquals(config, ((FastTextClassifier) loaded).fastTextConfig());
        assertEquals(1.0 / 3, loaded.predict("").probability(), 1e-6);
        assertEquals(1.0 / 3, loaded.predict("zzz qqq").probabilityOf("pos"), 1e-6 + 0.2);
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
