package dev.lexis.classify;

import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Regenerates the golden fastText model files of {@link FastTextClassifierTest}: run {@code main} with the test
 * resource folder ({@code classify/src/test/resources/dev/lexis/classify}). {@code fasttext-v1.lexis} is in model-file
 * layout 1 (the whole input matrix, as Lexis wrote fastText models before layout 2); the committed one was
 * written by that Lexis (commit e93e10d, whose initial values came from another rule), so its numbers differ from
 * a regenerated one, not its layout.
 */
final class FastTextGoldenFiles {
    /** Texts whose probabilities are recorded beside each golden file (the last ones have unseen bigrams). */
    static final List<String> TEXTS = List.of("the film was great", "a dull and boring story", "who is it",
            "wonderful plot", "clumsy superb when", "unknownword another unseen", "");

    private FastTextGoldenFiles() {
    }

    static FastTextClassifier tinyModel() {
        FastTextConfig config = FastTextConfig.defaults().withEmbeddingDim(8).withBuckets(1000).withEpochs(30)
                .withLearningRate(0.5).withThreads(1).withSeed(7);
        return new FastTextTrainer(config).train(ToyData.make(60, 1), List.of(), TrainingListener.NONE);
    }

    /** One line per text: the probabilities of the labels in label order, as {@code Float.toHexString}. */
    static String probabilities(TextClassifier model) {
        StringBuilder sb = new StringBuilder();
        for (String text : TEXTS) {
            Prediction p = model.predict(text);
            for (int c = 0; c < model.labels().size(); c++) {
                sb.append(c == 0 ? "" : " ").append(Float.toHexString((float) p.probabilityOf(model.labels().get(c))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The layout-1 file of a layout-2 fastText model file: every input row, the untouched ones recomputed. */
    static ModelFile layout1(ModelFile layout2) {
        FastTextConfig config = FastTextConfig.fromProperties(layout2.config());
        int dim = config.embeddingDim();
        int words = layout2.vocabularySize();
        int buckets = config.wordNgrams() > 1 ? config.buckets() : 0;
        float[] stored = layout2.tensor("input").toArray();
        int[] storedBuckets = layout2.ints(FastTextClassifier.INPUT_BUCKETS);
        float[] dense = new float[(words + buckets) * dim];
        System.arraycopy(stored, 0, dense, 0, words * dim);
        long base = FastTextInit.base(config.seed());
        for (int b = 0, k = 0; b < buckets; b++) {
            if (k < storedBuckets.length && storedBuckets[k] == b) {
                System.arraycopy(stored, (words + k++) * dim, dense, (words + b) * dim, dim);
            } else {
                FastTextInit.fillRow(base, (long) words + b, dim, dense, (words + b) * dim);
            }
        }
        return ModelFile.builder(FastTextClassifier.KIND)
                .config(layout2.config())
                .vocabulary(layout2.vocabularyWords(), layout2.vocabularyCounts())
                .strings("labels", layout2.strings("labels"))
                .tensor("input", Tensor.of(dense, words + buckets, dim))
                .tensor("output", layout2.tensor("output"))
                .tensor("prior", layout2.tensor("prior"))
                .build();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        FastTextClassifier model = tinyModel();
        Path file = dir.resolve("fasttext-v1.lexis");
        Path layout2 = Files.createTempFile("fasttext-v2", ".lexis");
        model.save(layout2);
        layout1(ModelFile.load(layout2)).save(file);
        Files.delete(layout2);
        Files.writeString(dir.resolve("fasttext-v1.probabilities.txt"), probabilities(model));
        System.out.println(String.format(Locale.ROOT, "wrote %s (%d bytes)", file, Files.size(file)));
    }
}
