package dev.lexis.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The fixed-order lane sums: the documented order, bit for bit, and close to the exact sum. */
class VectorLanesTest {
    /** The order {@link VectorLanes#sumStored} documents, in plain scalar code. */
    private static float documentedOrder(float[] t, int o, int lanes) {
        if (lanes == 16) {
            float[] q = new float[4];
            for (int j = 0; j < 4; j++) {
                q[j] = (t[o + j] + t[o + 4 + j]) + (t[o + 8 + j] + t[o + 12 + j]);
            }
            return (q[0] + q[1]) + (q[2] + q[3]);
        }
        float[] s = new float[4];
        int i = 0;
        for (; i + 4 <= lanes; i += 4) {
            for (int j = 0; j < 4; j++) {
                s[j] += t[o + i + j];
            }
        }
        for (; i < lanes; i++) {
            s[0] += t[o + i];
        }
        return (s[0] + s[1]) + (s[2] + s[3]);
    }

    @Test
    void sumStoredAddsInTheDocumentedOrderAndIsCloseToTheExactSum() {
        int lanes = VectorLanes.LANES;
        assertEquals(FloatVector.SPECIES_PREFERRED.length(), lanes);
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int off = trial % 7;
            float[] t = new float[off + lanes + 3];
            double exact = 0;
            for (int i = 0; i < t.length; i++) {
                // mixed magnitudes, so that a different order would round differently
                t[i] = (float) ((r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(-3, 4)));
            }
            for (int i = 0; i < lanes; i++) {
                exact += t[off + i];
            }
            float expected = documentedOrder(t, off, lanes);
            float got = VectorLanes.sumStored(t.clone(), off);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(got), "trial " + trial);
            assertTrue(Math.abs(exact - got) <= 1e-5 * (1 + Math.abs(exact)) * 1e3, "trial " + trial);
        }
    }

    @Test
    void sumStoredReadsOnlyItsLanes() {
        int lanes = VectorLanes.LANES;
        float[] t = new float[lanes + 4];
        java.util.Arrays.fill(t, 1f);
        t[1] = 1000f; // before the range
        t[lanes + 3] = 1000f; // after it
        assertEquals(lanes, VectorLanes.sumStored(t, 2), 0f);
    }
}
