package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the fused TextCNN backward pass ({@link CnnNet}): every parameter and the
 * input rows, with padding, stride, unknown words and both embedding channels.
 */
class CnnGradientCheckTest {

    @Test
    void multichannelGradientsMatchFiniteDifferences() {
        check(1, 1, 7, true);
    }

    @Test
    void stridedUnpaddedGradientsMatchFiniteDifferences() {
        check(0, 2, 11, true);
    }

    @Test
    void singleChannelGradientsMatchFiniteDifferences() {
        check(2, 1, 13, false);
    }

    private static void check(int padding, int stride, long seed, boolean multichannel) {
        SplittableRandom random = new SplittableRandom(seed);
        int vocab = 6;
        int dim = 3;
        float[] embStatic = multichannel ? randomArray(random, vocab * dim, 0.5) : null;
        float[] embTuned = randomArray(random, vocab * dim, 0.5);
        float[] staticBefore = embStatic == null ? null : embStatic.clone();
        CnnNet net = new CnnNet(vocab, dim, 2, new int[] {2, 3}, 3, padding, stride, embStatic, embTuned);
        net.initWeights(random);
        for (int i = 0; i < net.convW.length; i++) {
            net.convW[i] *= 3;                       // larger activations: fewer filters stuck at ReLU's 0
        }
        for (int i = 0; i < net.convB.length; i++) {
            net.convB[i] = 0.3f + 0.1f * i;
        }
        net.syncForwardWeights();
        int[][] ids = {{0, 1, 2, 3}, {4, -1, 5}, {2, 5, 1, 0, 3}};
        int[] y = {0, 2, 1};
        CnnNet.Workspace ws = new CnnNet.Workspace();
        net.forward(ids, 0, ids.length, ws, 0, null);
        ws.ensureDx(net, net.rowsFor(ids, 0, ids.length));
        CnnNet.Gradients g = new CnnNet.Gradients(net);
        double loss = net.backward(y, 0, 0, ids.length, ws, g, 1f, true);
        assertEquals(loss, loss(net, ids, y, ws), 1e-5);
        // gather the input-row gradient into the tuned embedding (as the trainer does)
        float[] embGrad = new float[embTuned.length];
        for (int i = 0; i < ids.length; i++) {
            int r = ws.start[i];
            for (int id : ids[i]) {
                if (id >= 0) {
                    for (int e = 0; e < dim; e++) {
                        embGrad[id * dim + e] += ws.dx[r * net.inDim + net.tunedOffset + e];
                    }
                }
                r++;
            }
        }
        compare("conv.weight", net.convW, g.convW, net, ids, y);
        compare("conv.bias", net.convB, g.convB, net, ids, y);
        compare("output.weight", net.outW, g.outW, net, ids, y);
        compare("output.bias", net.outB, g.outB, net, ids, y);
        compare("embedding.tuned", net.embTuned, embGrad, net, ids, y);
        assertEquals(multichannel ? 2 * dim : dim, net.inDim, "filter word width = channels · dim");
        if (multichannel) {
            assertArrayEquals(staticBefore, net.embStatic, "backward never writes the static channel");
        }
    }

    private static void compare(String name, float[] param, float[] analytic, CnnNet net, int[][] ids, int[] y) {
        CnnNet.Workspace ws = new CnnNet.Workspace();
        float h = 1e-3f;
        int nonZero = 0;
        for (int i = 0; i < param.length; i++) {
            float saved = param[i];
            param[i] = saved + h;
            double plus = loss(net, ids, y, ws);
            param[i] = saved - h;
            double minus = loss(net, ids, y, ws);
            param[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            double error = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
            assertTrue(error < 2e-2, name + "[" + i + "]: backward " + analytic[i] + ", finite differences " + numeric);
            if (analytic[i] != 0) {
                nonZero++;
            }
        }
        assertTrue(nonZero > 0, name + ": all gradients are zero; the check proves nothing");
    }

    private static double loss(CnnNet net, int[][] ids, int[] y, CnnNet.Workspace ws) {
        net.syncForwardWeights();
        net.forward(ids, 0, ids.length, ws, 0, null);
        double loss = 0;
        for (int i = 0; i < ids.length; i++) {
            loss -= Math.log(ws.probs[i * net.classes + y[i]]);
        }
        return loss;
    }

    private static float[] randomArray(SplittableRandom random, int n, double range) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((random.nextDouble() * 2 - 1) * range);
        }
        return a;
    }
}
