package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.corpora.LabelledCsv;
import dev.lexis.corpora.LabelledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Short runs on the real data sets (MR: one fold of 10; TREC: the official split) with honest floors just
 * below what these shortened, reproducible runs reach (measured with Kim's initialisation and dropout: TREC 4 epochs
 * 84.2 %, MR 4 epochs 70.0 %; the PyTorch reference is at 72.5 % after 4 epochs on the same MR split; with zero
 * initial softmax weights TREC starts slower and reaches 89-92 % by epoch 10-25). The full protocol (10-fold CV,
 * 25 epochs) and the comparison with Kim's
 * figures and the peers live in bench/classify.
 */
class SharedDataQualityTest {
    private static final Path DATA = Path.of(System.getProperty("lexis.shared.data", "../shared/data"));

    private static Path require(String file) {
        Path p = DATA.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared data set missing: " + p.toAbsolutePath()
                + " (set -Dlexis.shared.data=DIR)");
        return p;
    }

    private static void log(String what, Evaluation e) {
        System.out.println("[classify quality] " + what + ": " + e.summary());
    }

    @Test
    void textCnnRandOnTrec() throws IOException {
        List<LabelledText> train = LabelledCsv.of(require("trec/train.csv")).readAll().rows();
        List<LabelledText> test = LabelledCsv.of(require("trec/test.csv")).readAll().rows();
        List<List<LabelledText>> parts = CrossValidation.holdOut(train, 0.1, 1);
        TextCnnConfig config = TextCnnConfig.defaults().withEpochs(4).withThreads(2);
        TextCnnClassifier model = new TextCnnTrainer(config).train(parts.get(0), parts.get(1), TrainingListener.NONE);
        Evaluation e = model.evaluate(test);
        log("TextCNN-rand TREC, 4 epochs", e);
        assertTrue(e.accuracy() >= 0.82, "TREC accuracy " + e);
    }

    @Test
    void textCnnRandOnOneFoldOfMovieReviews() throws IOException {
        List<LabelledText> data = LabelledCsv.of(require("mr/mr.csv")).readAll().rows();
        CrossValidation.Fold fold = CrossValidation.stratifiedFolds(data, 10, 1).get(0);
        List<List<LabelledText>> parts = CrossValidation.holdOut(fold.train(), 0.1, 1);
        TextCnnConfig config = TextCnnConfig.defaults().withEpochs(4).withThreads(2);
        TextCnnClassifier model = new TextCnnTrainer(config).train(parts.get(0), parts.get(1), TrainingListener.NONE);
        Evaluation e = model.evaluate(fold.test());
        log("TextCNN-rand MR fold 1, 4 epochs", e);
        assertTrue(e.accuracy() >= 0.66, "MR accuracy " + e);
    }

    @Test
    void fastTextOnMovieReviewsAndTrec() throws IOException {
        List<LabelledText> data = LabelledCsv.of(require("mr/mr.csv")).readAll().rows();
        CrossValidation.Fold fold = CrossValidation.stratifiedFolds(data, 10, 1).get(0);
        FastTextConfig config = FastTextConfig.defaults().withEpochs(10).withLearningRate(0.5).withThreads(1);
        Evaluation mr = new FastTextTrainer(config).train(fold.train(), List.of(), TrainingListener.NONE)
                .evaluate(fold.test());
        log("fastText MR fold 1", mr);
        assertTrue(mr.accuracy() >= 0.72, "MR accuracy " + mr);
        Evaluation trec = new FastTextTrainer(config)
                .train(LabelledCsv.of(require("trec/train.csv")).readAll().rows(), List.of(), TrainingListener.NONE)
                .evaluate(LabelledCsv.of(require("trec/test.csv")).readAll().rows());
        log("fastText TREC", trec);
        assertTrue(trec.accuracy() >= 0.82, "TREC accuracy " + trec);
    }
}
