package dev.lexis.nn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.examples.VanishingGradients.Variant;
import org.junit.jupiter.api.Test;

/** The vanishing-gradient lesson, asserted on the numbers the example program prints. */
class VanishingGradientsTest {

    @Test
    void sigmoidGradientsVanishInTheFirstLayersAndTheRemediesKeepThem() {
        for (long seed : new long[] {1, 2}) {
            double sigmoid = VanishingGradients.firstToLastRatio(VanishingGradients.layerGradientNorms(Variant.SIGMOID, seed));
            double relu = VanishingGradients.firstToLastRatio(VanishingGradients.layerGradientNorms(Variant.RELU, seed));
            double residual = VanishingGradients.firstToLastRatio(
                    VanishingGradients.layerGradientNorms(Variant.SIGMOID_RESIDUAL, seed));
            double auxiliary = VanishingGradients.firstToLastRatio(
                    VanishingGradients.layerGradientNorms(Variant.SIGMOID_AUXILIARY, seed));
            String all = "seed " + seed + ": sigmoid " + sigmoid + ", relu " + relu + ", residual " + residual
                    + ", auxiliary " + auxiliary;
            assertTrue(sigmoid < 1e-6, "sigmoid: first layers orders of magnitude below the last: " + all);
            assertTrue(relu > 0.05, "relu keeps the gradient: " + all);
            assertTrue(residual > 0.05, "residual connections keep the gradient: " + all);
            assertTrue(auxiliary > 0.05, "auxiliary outputs keep the gradient: " + all);
            assertTrue(Math.min(relu, Math.min(residual, auxiliary)) > 1e4 * sigmoid, all);
        }
    }
}
