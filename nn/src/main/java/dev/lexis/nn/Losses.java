package dev.lexis.nn;

import static dev.lexis.nn.Ops.K;

import java.util.Arrays;

/**
 * Losses: each returns a one-element Var (the mean over the batch, i.e. over the rows of its input) whose
 * backward is fused (no softmax or sigmoid node in between). For hierarchical softmax and negative sampling see
 * {@link HierarchicalSoftmax} and {@link NegativeSampling}; for perplexity, the plain-tensor helpers
 * {@link #logProbability(Tensor, int, int)} and {@link #negativeLogLikelihood(Tensor, int[])}.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Squared error ½ Σ (t − o)² per row (the delta rule's error), averaged over the rows of {@code output}
     * (…, n); {@code target} has the same size. Gradient: (o − t) / rows.
     */
    public static Var squaredError(Var output, Tensor target) {
        Tape tape = output.tape;
        tape.check(output);
        if (target.size() != output.size()) {
            throw new IllegalArgumentException("squaredError: target of size " + target.size() + " for output "
                    + Arrays.toString(output.shape()));
        }
        Var out = tape.op(SQUARED_ERROR, output, null, null, new int[0], false);
        out.aux = target;
        int rows = Math.max(1, output.value.rows());
        double s = 0;
        float[] o = output.value.data();
        int oo = output.value.offset();
        float[] t = target.data();
        int to = target.offset();
        for (int i = 0, n = output.size(); i < n; i++) {
            double d = (double) t[to + i] - o[oo + i];
            s += d * d;
        }
        out.f0 = 1f / rows;
        out.value.set(0, (float) (0.5 * s / rows));
        return out;
    }

    private static final Backward SQUARED_ERROR = out -> {
        Var o = out.in0;
        if (!o.requiresGrad) {
            return;
        }
        Tensor target = (Tensor) out.aux;
        float g = out.grad.get(0) * out.f0;
        Tensor d = o.gradBuffer();
        float[] dd = d.data();
        float[] ov = o.value.data();
        float[] t = target.data();
        for (int i = 0, n = d.size(); i < n; i++) {
            dd[d.offset() + i] += g * (ov[o.value.offset() + i] - t[target.offset() + i]);
        }
    };

    /**
     * Softmax cross-entropy from logits (rows, classes) and one target class per row, fused so that the
     * gradient is ŷ − y (divided by the number of rows counted). A negative target marks a row to ignore
     * (padding in a batch of sequences): it adds neither loss nor gradient and is not counted in the mean.
     * {@code targets} is read again in backward: do not change it before.
     *
     * @throws IllegalArgumentException when a target is ≥ the number of classes or there are fewer targets
     *     than rows
     */
    public static Var softmaxCrossEntropy(Var logits, int[] targets) {
        Tape tape = logits.tape;
        tape.check(logits);
        int classes = logits.value.cols();
        int rows = logits.value.rows();
        if (targets.length < rows) {
            throw new IllegalArgumentException("softmaxCrossEntropy: " + targets.length + " targets for " + rows + " rows");
        }
        Var out = tape.op(SOFTMAX_CE, logits, null, null, new int[0], false);
        out.ids = targets;
        float[] p = out.scratch(0, rows * classes);
        float[] x = logits.value.data();
        int xo = logits.value.offset();
        double loss = 0;
        int counted = 0;
        for (int r = 0; r < rows; r++) {
            int t = targets[r];
            if (t >= classes) {
                throw new IllegalArgumentException("softmaxCrossEntropy: target " + t + " in row " + r
                        + " is not one of " + classes + " classes");
            }
            float logZ = Ops.softmaxRow(x, xo + r * classes, p, r * classes, classes);
            if (t >= 0) {
                loss += logZ - x[xo + r * classes + t];
                counted++;
            }
        }
        out.i0 = counted;
        out.value.set(0, counted == 0 ? 0f : (float) (loss / counted));
        return out;
    }

    private static final Backward SOFTMAX_CE = out -> {
        Var logits = out.in0;
        if (!logits.requiresGrad || out.i0 == 0) {
            return;
        }
        int classes = logits.value.cols();
        int rows = logits.value.rows();
        float scale = out.grad.get(0) / out.i0;
        float[] p = out.scratch[0];
        Tensor d = logits.gradBuffer();
        float[] dd = d.data();
        for (int r = 0; r < rows; r++) {
            int t = out.ids[r];
            if (t < 0) {
                continue;
            }
            int base = d.offset() + r * classes;
            K.axpy(scale, p, r * classes, dd, base, classes);
            dd[base + t] -= scale;
        }
    };

    /**
     * Binary cross-entropy of sigmoid(logits) against targets in [0, 1] of the same size, summed over the
     * columns of each row and averaged over the rows: −[t log σ(x) + (1 − t) log(1 − σ(x))], computed stably
     * as max(x, 0) − x·t + log(1 + e^−|x|). Gradient: (σ(x) − t) / rows.
     */
    public static Var sigmoidBinaryCrossEntropy(Var logits, Tensor targets) {
        Tape tape = logits.tape;
        tape.check(logits);
        if (targets.size() != logits.size()) {
            throw new IllegalArgumentException("sigmoidBinaryCrossEntropy: targets of size " + targets.size()
                    + " for logits " + Arrays.toString(logits.shape()));
        }
        Var out = tape.op(SIGMOID_BCE, logits, null, null, new int[0], false);
        out.aux = targets;
        int rows = Math.max(1, logits.value.rows());
        float[] x = logits.value.data();
        int xo = logits.value.offset();
        double loss = 0;
        for (int i = 0, n = logits.size(); i < n; i++) {
            float v = x[xo + i];
            float t = targets.get(i);
            loss += Math.max(v, 0f) - v * t + Math.log1p(Math.exp(-Math.abs(v)));
        }
        out.f0 = 1f / rows;
        out.value.set(0, (float) (loss / rows));
        return out;
    }

    private static final Backward SIGMOID_BCE = out -> {
        Var logits = out.in0;
        if (!logits.requiresGrad) {
            return;
        }
        Tensor targets = (Tensor) out.aux;
        float g = out.grad.get(0) * out.f0;
        Tensor d = logits.gradBuffer();
        float[] dd = d.data();
        float[] x = logits.value.data();
        for (int i = 0, n = d.size(); i < n; i++) {
            dd[d.offset() + i] += g * (Ops.sigmoid(x[logits.value.offset() + i]) - targets.get(i));
        }
    };

    /** log softmax(row r of logits)[target] for logits (rows, classes), in double. */
    public static double logProbability(Tensor logits, int row, int target) {
        int classes = logits.cols();
        if (target < 0 || target >= classes) {
            throw new IllegalArgumentException("target " + target + " is not one of " + classes + " classes");
        }
        int off = logits.offset() + row * classes;
        return (double) logits.data()[off + target] - Ops.logSumExp(logits.data(), off, classes);
    }

    /**
     * Σ over rows of −log softmax(row)[target] (natural log), e.g. for perplexity
     * exp(negativeLogLikelihood / tokens); rows with a negative target are skipped.
     */
    public static double negativeLogLikelihood(Tensor logits, int[] targets) {
        int rows = logits.rows();
        double s = 0;
        for (int r = 0; r < rows; r++) {
            if (targets[r] >= 0) {
                s -= logProbability(logits, r, targets[r]);
            }
        }
        return s;
    }
}
