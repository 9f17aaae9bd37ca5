package dev.lexis.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.corpora.ConllCorpus;
import dev.lexis.corpora.ConllOptions;
import dev.lexis.corpora.ConllSentence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Short training runs on CoNLL-2000 (the full benchmark numbers are in the README, from bench/sequence): one
 * epoch of the default BiLSTM on all 8,936 training sentences, scored on the 2,012 test sentences. The floors
 * sit below what one epoch reached here (chunks: accuracy 0.880, F1 77.0; POS: accuracy 0.848).
 */
class Conll2000TaggerTest {

    private static Path data() {
        Path root = Path.of(System.getProperty("lexis.shared.data", "../shared/data")).resolve("conll2000");
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("train.txt")),
                "CoNLL-2000 not found in " + root.toAbsolutePath() + " (set -Dlexis.shared.data=DIR)");
        return root;
    }

    private static Tagger trainOneEpoch(Path root, int tagColumn, List<ConllSentence> test) throws IOException {
        ConllOptions options = ConllOptions.defaults().withTagColumn(tagColumn);
        List<ConllSentence> train = ConllCorpus.of(root.resolve("train.txt"), options).readAll();
        assertEquals(8936, train.size());
        assertEquals(2012, test.size());
        return new TaggerTrainer(TaggerConfig.defaults().withEpochs(1).withThreads(2)).train(train, List.of());
    }

    @Test
    void chunkingAfterOneEpoch() throws IOException {
        Path root = data();
        List<ConllSentence> test = ConllCorpus.of(root.resolve("test.txt"), ConllOptions.defaults().withTagColumn(2))
                .readAll();
        TagEvaluation e = trainOneEpoch(root, 2, test).evaluate(test);
        assertEquals(47377, e.tokens());
        assertTrue(e.accuracy() > 0.85, e.summaryLine());
        assertTrue(e.f1() > 72, e.summaryLine());
    }

    @Test
    void partOfSpeechAfterOneEpoch() throws IOException {
        Path root = data();
        List<ConllSentence> test = ConllCorpus.of(root.resolve("test.txt"), ConllOptions.defaults().withTagColumn(1))
                .readAll();
        TagEvaluation e = trainOneEpoch(root, 1, test).evaluate(test);
        assertTrue(e.accuracy() > 0.80, e.summaryLine());
        assertEquals(0.0, e.f1(), 0.0);
    }
}
