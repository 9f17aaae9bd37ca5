package dev.lexis.lm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real-data run on Brown (shared/data/brown): the first 10,000 training sentences (about 225k tokens),
 * a 5,000-word vocabulary, one epoch of the NNLM (Adam), evaluated on the whole test file against the Kneser-Ney
 * 5-gram of the same data and mixed with it (weight tuned on 2,000 validation sentences). The ceilings are the measured values plus a margin (see the comments); the
 * full-size comparison is in bench/lm. Skips when the shared data is absent.
 */
class BrownLmTest {
    @TempDir
    Path dir;

    static Path brown() {
        return Path.of(System.getProperty("lexis.shared.data", "../shared/data")).resolve("brown");
    }

    @Test
    void shortNnlmRunAndKneserNeyHaveHonestPerplexitiesOnBrownTest() throws Exception {
        Path brown = brown();
        assumeTrue(Files.isRegularFile(brown.resolve("train.txt")),
                "Brown corpus not found at " + brown + " (set -Dlexis.shared.data); skipping");
        List<String> lines = Files.readAllLines(brown.resolve("train.txt"));
        Path train = dir.resolve("train-10k.txt");
        Files.write(train, lines.subList(0, 10_000));
        List<String> validLines = Files.readAllLines(brown.resolve("valid.txt"));
        Path valid = dir.resolve("valid-2k.txt");
        Files.write(valid, validLines.subList(0, 2_000));
        Path test = brown.resolve("test.txt");

        KneserNeyModel kn = KneserNeyModel.train(train, 5, 1, 5000);
        double knPpl = Perplexity.of(kn, test).perplexity();
        // Adam (the bench's recommended optimizer): one epoch of SGD at 0.1 gave 121.6 here
        NnlmConfig config = NnlmConfig.defaults().withMaxVocab(5000).withMinCount(1).withEpochs(1).withThreads(2)
                .withBatchSize(64).withOptimizer(NnlmConfig.Optimizer.ADAM).withLearningRate(0.001);
        NeuralLanguageModel nnlm = new NnlmTrainer(config).train(train, valid, null);
        Perplexity p = Perplexity.of(nnlm, test);
        double weight = InterpolatedModel.tuneWeight(nnlm, kn, valid);
        double mixPpl = Perplexity.of(new InterpolatedModel(nnlm, kn, weight), test).perplexity();
        System.out.printf("Brown 10k sentences, |V| 5000: KN5 test ppl %.2f, NNLM (1 epoch) %.2f, mixture "
                + "(weight %.2f, tuned on valid) %.2f%n", knPpl, p.perplexity(), weight, mixPpl);
        assertTrue(knPpl < CEILING_KN, "KN5 test perplexity " + knPpl);
        assertTrue(p.perplexity() < CEILING_NNLM, "NNLM test perplexity " + p.perplexity());
        assertTrue(mixPpl < CEILING_MIX_VS_KN * knPpl, "the mixture is well below KN5: " + mixPpl + " vs " + knPpl);
    }

    // measured 85.6 (deterministic); the ceiling leaves 5 %
    private static final double CEILING_KN = 90;
    // measured 92.1 with 2 threads (asynchronous updates: not reproducible to the digit); 8.5 % margin
    private static final double CEILING_NNLM = 100;
    // measured 78.5 = 0.916 × KN5 (weight 0.46); the mixture must stay at least 3 % below KN5
    private static final double CEILING_MIX_VS_KN = 0.97;
}
