package dev.lexis.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Vector API output kernel against the scalar one, at sizes that exercise every tail. */
class OutputKernelTest {

    @Test
    void vectorKernelMatchesScalar() {
        OutputKernel fast = OutputKernel.get();
        OutputKernel slow = OutputKernel.scalar();
        int align = Math.max(fast.vAlign(), slow.vAlign());
        for (int rows : new int[] {1, 3, 4, 7, 8, 17}) {
            for (int kp : new int[] {4, 8, 12, 100}) {
                for (int vp : new int[] {align, 3 * align, 1024 + align}) {
                    compare(fast, slow, rows, kp, vp);
                }
            }
        }
    }

    private static void compare(OutputKernel fast, OutputKernel slow, int rows, int kp, int vp) {
        SplittableRandom random = new SplittableRandom(rows * 31L + kp * 7L + vp);
        float[] z = randoms(random, rows * kp);
        float[] ut = randoms(random, kp * vp);
        float[] b = randoms(random, vp);
        int[] targets = new int[rows];
        for (int i = 0; i < rows; i++) {
            targets[i] = random.nextInt(vp);
        }
        float[] y1 = new float[rows * vp];
        float[] y2 = new float[rows * vp];
        fast.scores(z, rows, kp, ut, b, vp, y1);
        slow.scores(z, rows, kp, ut, b, vp, y2);
        String at = "rows " + rows + " kp " + kp + " vp " + vp;
        assertArrayEquals(y2, y1, 1e-4f, "scores " + at);
        double[] lp1 = new double[rows];
        double[] lp2 = new double[rows];
        double s1 = fast.softmax(y1, rows, vp, targets, 0, 0.25f, lp1);
        double s2 = slow.softmax(y2, rows, vp, targets, 0, 0.25f, lp2);
        assertEquals(s2, s1, 1e-4 * rows, "softmax " + at);
        assertArrayEquals(y2, y1, 1e-5f, "softmax gradient " + at);
        float[] ut2 = ut.clone();
        float[] b2 = b.clone();
        float[] dz1 = new float[rows * kp];
        float[] dz2 = new float[rows * kp];
        OutputKernel.Update u = new OutputKernel.Update();
        u.lr = 0.5f;
        u.weightDecay = 0.01f;
        fast.backward(y1, z, rows, kp, vp, ut, b, dz1, u);
        slow.backward(y2, z, rows, kp, vp, ut2, b2, dz2, u);
        assertArrayEquals(dz2, dz1, 1e-4f, "dz " + at);
        assertArrayEquals(ut2, ut, 1e-5f, "updated weights " + at);
        assertArrayEquals(b2, b, 1e-5f, "updated bias " + at);
        float[] t1 = randoms(random, 37);
        float[] t2 = t1.clone();
        fast.tanh(t1, 1, 35);
        slow.tanh(t2, 1, 35);
        assertArrayEquals(t2, t1, 1e-6f, "tanh");
    }

    private static float[] randoms(SplittableRandom random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }
}
