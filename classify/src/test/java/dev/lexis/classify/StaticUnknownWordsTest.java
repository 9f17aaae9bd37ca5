package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CNN-static with {@code tuneUnknownWords}: the pre-trained vectors stay fixed, the words without one are learned. */
class StaticUnknownWordsTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheWordsWithoutAVectorMove() throws IOException {
        Path vectors = ToyData.writeVectors(dir.resolve("vectors.txt"));
        TextCnnConfig config = ToyData.pretrainedConfig(CnnMode.STATIC, vectors);
        List<LabelledText> train = ToyData.make(90, 4);
        ModelFile frozen = trainAndSave(config, train, "static.lexis");
        TextCnnClassifier tunedModel = new TextCnnTrainer(config.withTuneUnknownWords(true)).train(train, List.of(),
                TrainingListener.NONE);
        Path file = dir.resolve("static-tuned.lexis");
        tunedModel.save(file);
        ModelFile tuned = ModelFile.load(file, TextCnnClassifier.KIND);

        assertEquals("true", tuned.config("tuneUnknownWords"));
        assertEquals(List.of("embedding.static"), tuned.tensorNames().stream().filter(n -> n.startsWith("embedding"))
                .toList(), "one channel, stored as the static one");
        List<String> vocab = tuned.vocabularyWords();
        assertEquals(vocab, frozen.vocabularyWords());
        float[] a = frozen.tensor("embedding.static").toArray();
        float[] b = tuned.tensor("embedding.static").toArray();
        for (String word : List.of("great", "awful", "when", "film")) {    // pre-trained: fixed in both
            int i = vocab.indexOf(word);
            assertArrayEquals(Arrays.copyOfRange(a, i * 4, i * 4 + 4), Arrays.copyOfRange(b, i * 4, i * 4 + 4), word);
        }
        for (String word : List.of("boring", "the", "plot")) {             // no vector: learned only when tuned
            int i = vocab.indexOf(word);
            assertFalse(Arrays.equals(Arrays.copyOfRange(a, i * 4, i * 4 + 4), Arrays.copyOfRange(b, i * 4, i * 4 + 4)),
                    word + " moved");
        }
        TextClassifier loaded = TextClassifier.load(file);
        for (LabelledText t : ToyData.make(20, 5)) {
            assertEquals(tunedModel.predict(t.text()), loaded.predict(t.text()));
        }
        assertTrue(TextCnnConfig.fromProperties(frozen.config()).tuneUnknownWords() == false);
    }

    @Test
    void standardizingCentresEachDimensionAndScalesItToTheTargetDeviation() {
        float[] emb = {1, 10, 3, 20, 5, 60, 7, 7};      // rows 0..3 of dimension 2; row 3 has no vector
        boolean[] pretrained = {true, true, true, false};
        TextCnnTrainer.standardize(emb, pretrained, 2, 0.5);
        for (int e = 0; e < 2; e++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < 3; i++) {
                sum += emb[i * 2 + e];
                sq += emb[i * 2 + e] * emb[i * 2 + e];
            }
            assertEquals(0, sum / 3, 1e-6, "mean of dimension " + e);
            assertEquals(0.25, sq / 3, 1e-6, "variance of dimension " + e);
        }
        assertEquals(7f, emb[6]);
        assertEquals(7f, emb[7]);
    }

    private ModelFile trainAndSave(TextCnnConfig config, List<LabelledText> train, String name) throws IOException {
        Path file = dir.resolve(name);
        new TextCnnTrainer(config).train(train, List.of(), TrainingListener.NONE).save(file);
        return ModelFile.load(file, TextCnnClassifier.KIND);
    }
}
