package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kim (2014)'s multichannel TextCNN: two channels initialised from the same vectors, each filter with its own
 * weights for each channel (the two results added), gradients only into the tuned channel.
 */
class MultichannelTest {
    @TempDir
    Path dir;

    @Test
    void eachFilterHasItsOwnWeightsPerChannelAndAddsTheResults() {
        SplittableRandom random = new SplittableRandom(3);
        int vocab = 5;
        int dim = 4;
        float[] embStatic = random(random, vocab * dim);
        float[] embTuned = random(random, vocab * dim);
        int[] widths = {2, 3};
        CnnNet both = new CnnNet(vocab, dim, 3, widths, 2, 2, 1, embStatic, embTuned);
        assertEquals(2, both.channels);
        assertEquals(2 * dim, both.inDim);
        both.initWeights(random);
        CnnNet staticOnly = new CnnNet(vocab, dim, 3, widths, 2, 2, 1, embStatic, null);
        CnnNet tunedOnly = new CnnNet(vocab, dim, 3, widths, 2, 2, 1, null, embTuned);
        for (int r = 0; r < both.convRows; r++) {                // split each filter word into its two channels
            System.arraycopy(both.convW, r * 2 * dim, staticOnly.convW, r * dim, dim);
            System.arraycopy(both.convW, r * 2 * dim + dim, tunedOnly.convW, r * dim, dim);
        }
        staticOnly.syncForwardWeights();
        tunedOnly.syncForwardWeights();
        int[][] ids = {{0, 1, 2, 3}, {4, -1, 2}};
        float[] z = forwardZ(both, ids);
        float[] zs = forwardZ(staticOnly, ids);
        float[] zt = forwardZ(tunedOnly, ids);
        int n = both.rowsFor(ids, 0, ids.length) * both.convRows;
        boolean differs = false;
        for (int i = 0; i < n; i++) {
            assertEquals(zs[i] + zt[i], z[i], 1e-5, "filter response at " + i + " = static part + tuned part");
            differs |= Math.abs(zs[i] - zt[i]) > 1e-3;
        }
        assertTrue(differs, "the two channels' weights are independent");
    }

    @Test
    void aModelFileWithOneFilterForBothChannelsLoadsAsTheSameFunction() {
        SplittableRandom random = new SplittableRandom(5);
        int vocab = 5;
        int dim = 3;
        float[] embStatic = random(random, vocab * dim);
        float[] embTuned = random(random, vocab * dim);
        float[] sum = new float[vocab * dim];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = embStatic[i] + embTuned[i];
        }
        int[] widths = {2, 3};
        CnnNet tied = new CnnNet(vocab, dim, 2, widths, 3, 1, 1, null, sum);   // W·(static + tuned)
        tied.initWeights(random);
        CnnNet both = new CnnNet(vocab, dim, 2, widths, 3, 1, 1, embStatic, embTuned);
        TextCnnClassifier.readConvWeights(Tensor.of(tied.convW.clone(), tied.convRows, dim), both);
        System.arraycopy(tied.convB, 0, both.convB, 0, tied.convB.length);
        System.arraycopy(tied.outW, 0, both.outW, 0, tied.outW.length);
        System.arraycopy(tied.outB, 0, both.outB, 0, tied.outB.length);
        both.syncForwardWeights();
        int[][] ids = {{0, 1, 2, 3, 4}, {4, -1, 2}};
        CnnNet.Workspace a = new CnnNet.Workspace();
        CnnNet.Workspace b = new CnnNet.Workspace();
        tied.forward(ids, 0, ids.length, a, 0, null);
        both.forward(ids, 0, ids.length, b, 0, null);
        for (int i = 0; i < ids.length * 3; i++) {
            assertEquals(a.probs[i], b.probs[i], 1e-5);
        }
    }

    @Test
    void trainingMovesOnlyTheTunedChannelFromTheSameStart() throws IOException {
        Path vectors = ToyData.writeVectors(dir.resolve("vectors.txt"));
        TextCnnConfig config = ToyData.pretrainedConfig(CnnMode.MULTICHANNEL, vectors);
        TextCnnClassifier model = new TextCnnTrainer(config).train(ToyData.make(90, 4), List.of(),
                TrainingListener.NONE);
        Path file = dir.resolve("multi.lexis");
        model.save(file);
        ModelFile saved = ModelFile.load(file, TextCnnClassifier.KIND);
        List<String> vocab = saved.vocabularyWords();
        float[] st = saved.tensor("embedding.static").toArray();
        float[] tu = saved.tensor("embedding.tuned").toArray();
        assertArrayEquals(new int[] {(2 + 3) * 4, 2 * 4}, saved.tensor("conv.weight").shape(),
                "one weight vector per filter word and channel");
        int great = vocab.indexOf("great");
        int unseen = vocab.indexOf("unseenword");
        // the static channel is the (scaled) vector: proportional to 0.9, -0.1, -0.1, -0.1
        float scale = st[great * 4] / 0.9f;
        for (int d = 1; d < 4; d++) {
            assertEquals(-0.1f * scale, st[great * 4 + d], 1e-5, "static channel of \"great\" unchanged");
        }
        boolean moved = false;
        for (int d = 0; d < 4; d++) {
            moved |= Math.abs(tu[great * 4 + d] - st[great * 4 + d]) > 1e-6;
            // a word no training sentence has: both channels as initialised, the same vector
            assertEquals(st[unseen * 4 + d], tu[unseen * 4 + d], 0f);
        }
        assertTrue(moved, "the tuned channel of a training word was updated");
    }

    private static float[] forwardZ(CnnNet net, int[][] ids) {
        CnnNet.Workspace ws = new CnnNet.Workspace();
        net.forward(ids, 0, ids.length, ws, 0, null);
        return ws.z.clone();
    }

    private static float[] random(SplittableRandom random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }
}
