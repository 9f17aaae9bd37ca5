package dev.lexis.lm;

import java.lang.System.Logger.Level;

/**
 * The fused kernels of the NNLM's full-softmax output layer, where nearly all the time goes (three
 * (batch × K) · (K × V) products per step). One scalar and one Vector API implementation, picked once.
 *
 * <p>Layouts: z is (rows × kp) row-major, the output weights {@code ut} are (kp × vp) — column v is word v's
 * output vector, so all three products run along v without horizontal sums in the inner loop — the bias b
 * has vp values, and scores / gradients y are (rows × vp). kp is a multiple of {@link #kAlign()} and vp of
 * {@link #vAlign()}; padding columns of ut are 0 and their bias is −1e30, so they get probability 0.
 */
interface OutputKernel {

    /** The kernel chosen for this JVM: the Vector API one when {@code jdk.incubator.vector} is present. */
    static OutputKernel get() {
        return Holder.CHOSEN;
    }

    /** The scalar kernel. */
    static OutputKernel scalar() {
        return Holder.SCALAR;
    }

    /** A short description for logs. */
    String name();

    /** The multiple kp must be. */
    int kAlign();

    /** The multiple vp must be. */
    int vAlign();

    /** y[i][v] = b[v] + Σ_k z[i][k] · ut[k][v] for i &lt; rows, v &lt; vp. */
    void scores(float[] z, int rows, int kp, float[] ut, float[] b, int vp, float[] y);

    /**
     * Row-wise softmax of y in place. For each row i with target t = targets[tOff + i], writes ln p(t) into
     * logp[i]; when {@code scale != 0} row i becomes the loss gradient scale · (softmax(y_i) − onehot(t)).
     *
     * @return Σ_i ln p(t_i)
     */
    double softmax(float[] y, int rows, int vp, int[] targets, int tOff, float scale, double[] logp);

    /**
     * Back-propagates through the output layer and updates it: dz = dy · utᵀ (computed with ut before the
     * update; overwrites dz), then ut and b take one step of {@code update} with the gradients zᵀ · dy and
     * Σ_i dy[i].
     */
    void backward(float[] dy, float[] z, int rows, int kp, int vp, float[] ut, float[] b, float[] dz, Update update);

    /** x[off + i] = tanh(x[off + i]) for i &lt; n. */
    void tanh(float[] x, int off, int n);

    /**
     * One optimizer step's settings, owned by one worker (the arrays are the shared weights' state).
     * SGD: w −= lr · (g + λ w). Adam: g' = g + λ w, m = β1 m + (1 − β1) g', v = β2 v + (1 − β2) g'²,
     * w −= lrAdam · m / (√v + ε), with lrAdam the bias-corrected rate of this step.
     */
    final class Update {
        float lr;
        float weightDecay;
        boolean adam;
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float eps = 1e-8f;
        float lrAdam;
        float[] mW;
        float[] vW;
        float[] mB;
        float[] vB;

        /** SGD for a weight w with gradient g (bias: weightDecay not applied). */
        float sgdStep(float w, float g, boolean decay) {
            return w - lr * (decay ? g + weightDecay * w : g);
        }
    }

    /** Chooses once. */
    final class Holder {
        static final OutputKernel SCALAR = new ScalarOutputKernel();
        static final OutputKernel CHOSEN = choose();

        private Holder() {
        }

        private static OutputKernel choose() {
            OutputKernel chosen = SCALAR;
            String why = "jdk.incubator.vector is not available (start the JVM with --add-modules jdk.incubator.vector)";
            if ("scalar".equalsIgnoreCase(System.getProperty("lexis.nn.kernels", "").trim())) {
                why = "forced by -Dlexis.nn.kernels=scalar";
            } else if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                try {
                    chosen = (OutputKernel) Class.forName("dev.lexis.lm.VectorOutputKernel")
                            .getDeclaredConstructor().newInstance();
                    why = "jdk.incubator.vector is available";
                } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
                    why = "the Vector API kernel could not be loaded: " + e;
                }
            }
            System.getLogger("dev.lexis.lm").log(Level.DEBUG, "NNLM output kernel: " + chosen.name() + " (" + why + ")");
            return chosen;
        }
    }
}
