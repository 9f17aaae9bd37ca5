package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.corpora.CorpusException;
import dev.lexis.corpora.CsvOptions;
import dev.lexis.corpora.LabelledCsv;
import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of issue 6, each with its one-line message. CSV files are read by corpora's {@link LabelledCsv}
 * with {@link CsvOptions#forClassification}, as {@code lexis classify} reads them.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static List<LabelledText> read(Path csv) {
        return LabelledCsv.of(csv, CsvOptions.forClassification("label", "text")).readAll().rows();
    }

    @Test
    void csvWithoutTheTextColumn() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "label,sentence\npos,fine\n");
        var ex = assertThrows(CorpusException.class, () -> read(csv));
        assertEquals(csv + ":1: no column \"text\" (for the text) in the header (label, sentence)", ex.getMessage());
    }

    @Test
    void csvRowWithoutTheTextField() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "label,text\npos,fine\nneg\n");
        var ex = assertThrows(CorpusException.class, () -> read(csv));
        assertEquals(csv + ":3: expected 2 columns (label, text), found 1", ex.getMessage());
    }

    @Test
    void csvRowWithAnEmptyLabel() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "label,text\n,fine\n");
        var ex = assertThrows(CorpusException.class, () -> read(csv));
        assertEquals(csv + ":2: empty label", ex.getMessage());
    }

    @Test
    void emptyTrainingTextNamesTheRow() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "label,text\npos,fine film\nneg,\"\"\n");
        List<LabelledText> data = read(csv);
        for (String model : List.of("textcnn", "fasttext")) {
            var ex = assertThrows(IllegalArgumentException.class,
                    () -> TextClassifiers.train(model, Map.of(), data, List.of(), TrainingListener.NONE));
            assertEquals(csv + ":3: empty text (label \"neg\"); every training example needs a text", ex.getMessage());
        }
    }

    @Test
    void oneClassOnly() {
        List<LabelledText> data = List.of(new LabelledText("pos", "good"), new LabelledText("pos", "fine"));
        var ex = assertThrows(IllegalArgumentException.class,
                () -> TextClassifiers.train("fasttext", Map.of(), data, List.of(), TrainingListener.NONE));
        assertEquals("the training data has only one class (\"pos\", 2 examples); a classifier needs at least two",
                ex.getMessage());
    }

    @Test
    void oneClassOnlyNamesTheFile() throws IOException {
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, "label,text\npos,good\n");
        var ex = assertThrows(IllegalArgumentException.class,
                () -> TextClassifiers.train("textcnn", Map.of(), read(csv), List.of(), TrainingListener.NONE));
        assertEquals(csv + ": the training data has only one class (\"pos\", 1 example); a classifier needs at least two",
                ex.getMessage());
    }

    @Test
    void testLabelNeverSeenInTraining() throws IOException {
        TextClassifier model = new FastTextTrainer(FastTextConfig.defaults().withBuckets(1000).withThreads(1))
                .train(ToyData.make(60, 1), List.of(), TrainingListener.NONE);
        Path csv = dir.resolve("test.csv");
        Files.writeString(csv, "label,text\npos,great film\nmaybe,so so\n");
        var ex = assertThrows(IllegalArgumentException.class, () -> model.evaluate(read(csv)));
        assertEquals(csv + ":3: label \"maybe\" was never seen in training (labels: [neg, pos, question])",
                ex.getMessage());
    }

    @Test
    void modelFileOfAnotherKind() throws IOException {
        Path file = dir.resolve("vectors.lexis");
        ModelFile.builder("word2vec").tensor("input", Tensor.zeros(2, 2)).build().save(file);
        var ex = assertThrows(IOException.class, () -> TextClassifier.load(file));
        assertEquals(file + ": is a word2vec model, not a text classifier (known: [fasttext, textcnn])",
                ex.getMessage());
        var typed = assertThrows(IOException.class, () -> TextCnnClassifier.load(file));
        assertTrue(typed.getMessage().startsWith(file.toString()), typed.getMessage());
        assertTrue(typed.getMessage().contains("word2vec"), typed.getMessage());
    }

    @Test
    void unknownModelAndOption() {
        var ex = assertThrows(IllegalArgumentException.class, () -> TextClassifiers.factory("svm"));
        assertEquals("unknown model \"svm\"; known models: [fasttext, textcnn]", ex.getMessage());
        var opt = assertThrows(IllegalArgumentException.class,
                () -> TextClassifiers.train("fasttext", Map.of("batchSize", "50"), ToyData.make(30, 1), List.of(),
                        TrainingListener.NONE));
        assertTrue(opt.getMessage().startsWith("unknown fasttext option(s) [batchSize]; known: "), opt.getMessage());
    }

    @Test
    void truncatedVectorsFile() throws IOException {
        Path vectors = dir.resolve("v.txt");
        Files.writeString(vectors, "3 2\na 0.1 0.2\nb 0.3\n");
        var ex = assertThrows(IOException.class, () -> PretrainedVectors.read(vectors, w -> true));
        assertEquals(vectors + ":3: expected a word and 2 numbers, found 1 numbers", ex.getMessage());
    }
}
