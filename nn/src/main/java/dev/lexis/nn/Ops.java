package dev.lexis.nn;

import dev.lexis.nn.kernel.Kernels;
import java.util.Arrays;

/**
 * Differentiable ops on {@link Var}s: each computes its forward value now and records its backward pass on the
 * tape of its inputs (see {@link Tape} for the contract).
 *
 * <p>Shape conventions: the last axis is the feature axis. A "matrix" view of a tensor of shape
 * (d0, …, dk) has {@code d0·…·d(k−1)} rows of {@code dk} columns, so ops such as {@link #matmul(Var, Var)},
 * {@link #linear(Var, Var, Var)}, {@link #addBias(Var, Var)} and {@link #softmax(Var)} apply to every row of a
 * batch, or of a (batch, time, features) sequence, alike. Sequences for convolution and pooling are
 * (time, channels) or (batch, time, channels). All heavy loops run on {@link Kernels#get()}.
 *
 * <p>Every op throws {@link IllegalArgumentException} naming the shapes when they do not fit, and
 * {@link IllegalStateException} for a Var recorded before the tape's last reset.
 */
public final class Ops {
    static final Kernels K = Kernels.get();

    private Ops() {
    }

    // ------------------------------------------------------------------ matrix products

    /**
     * x · w: x (…, k) (all leading axes taken as rows), w (k, n) → (…, n).
     */
    public static Var matmul(Var x, Var w) {
        return linear(x, w, null);
    }

    /**
     * x · w + b, one op (the bias is written first and the product accumulated onto it): x (…, in),
     * w (in, out), b (out) or (1, out) or null → (…, out).
     */
    public static Var linear(Var x, Var w, Var b) {
        Tape tape = x.tape;
        tape.check(x);
        tape.check(w);
        if (w.rank() != 2 || x.value.cols() != w.dim(0)) {
            throw new IllegalArgumentException("linear/matmul: x " + Arrays.toString(x.shape()) + " · w "
                    + Arrays.toString(w.shape()) + ": w must be (" + x.value.cols() + ", n)");
        }
        int rows = x.value.rows();
        int in = w.dim(0);
        int outCols = w.dim(1);
        if (b != null) {
            tape.check(b);
            if (b.size() != outCols) {
                throw new IllegalArgumentException("linear: bias of size " + b.size() + " for " + outCols + " outputs");
            }
        }
        Var out = x.rank() == 2 ? tape.op(LINEAR, x, w, b, rows, outCols, false)
                : tape.op(LINEAR, x, w, b, withLast(x.value.shapeRef(), outCols), false);
        float[] o = out.value.data();
        float beta = 0f;
        if (b != null) {
            Tensor bv = b.value;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bv.data(), bv.offset(), o, r * outCols, outCols);
            }
            beta = 1f;
        }
        Tensor xv = x.value;
        Tensor wv = w.value;
        K.gemm(false, false, rows, outCols, in, 1f, xv.data(), xv.offset(), in, wv.data(), wv.offset(), outCols,
                beta, o, 0, outCols);
        return out;
    }

    private static final Backward LINEAR = out -> {
        Var x = out.in0;
        Var w = out.in1;
        Var b = out.in2;
        Tensor g = out.grad;
        int rows = x.value.rows();
        int in = w.dim(0);
        int n = w.dim(1);
        if (x.requiresGrad) {
            Tensor dx = x.gradBuffer();
            // dx (rows, in) += g (rows, n) · wᵀ
            K.gemm(false, true, rows, in, n, 1f, g.data(), g.offset(), n, w.value.data(), w.value.offset(), n,
                    1f, dx.data(), dx.offset(), in);
        }
        if (w.requiresGrad) {
            Tensor dw = w.gradBuffer();
            // dw (in, n) += xᵀ · g
            K.gemm(true, false, in, n, rows, 1f, x.value.data(), x.value.offset(), in, g.data(), g.offset(), n,
                    1f, dw.data(), dw.offset(), n);
        }
        if (b != null && b.requiresGrad) {
            Tensor db = b.gradBuffer();
            for (int r = 0; r < rows; r++) {
                K.axpy(1f, g.data(), g.offset() + r * n, db.data(), db.offset(), n);
            }
        }
    };

    /**
     * op(a) · op(b) for rank-2 a and b, op(X) = Xᵀ when the flag is set: op(a) (m, k), op(b) (k, n) → (m, n).
     */
    public static Var matmul(Var a, Var b, boolean transA, boolean transB) {
        Tape tape = a.tape;
        tape.check(a);
        tape.check(b);
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("matmul with transposes needs rank-2 operands, got "
                    + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
        }
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (k != kb) {
            throw new IllegalArgumentException("matmul: op(a) is (" + m + ", " + k + ") but op(b) is (" + kb + ", "
                    + n + ")" + " (transA=" + transA + ", transB=" + transB + ")");
        }
        Var out = tape.op(MATMUL_T, a, b, null, m, n, false);
        out.i0 = (transA ? 1 : 0) | (transB ? 2 : 0);
        Tensor av = a.value;
        Tensor bv = b.value;
        K.gemm(transA, transB, m, n, k, 1f, av.data(), av.offset(), a.dim(1), bv.data(), bv.offset(), b.dim(1),
                0f, out.value.data(), 0, n);
        return out;
    }

    private static final Backward MATMUL_T = out -> {
        Var a = out.in0;
        Var b = out.in1;
        boolean ta = (out.i0 & 1) != 0;
        boolean tb = (out.i0 & 2) != 0;
        Tensor g = out.grad;
        int m = out.dim(0);
        int n = out.dim(1);
        int k = ta ? a.dim(0) : a.dim(1);
        float[] ad = a.value.data();
        int ao = a.value.offset();
        int lda = a.dim(1);
        float[] bd = b.value.data();
        int bo = b.value.offset();
        int ldb = b.dim(1);
        if (a.requiresGrad) {
            Tensor da = a.gradBuffer();
            if (!ta && !tb) {        // da (m,k) += g (m,n) · bᵀ, b stored (k,n)
                K.gemm(false, true, m, k, n, 1f, g.data(), g.offset(), n, bd, bo, ldb, 1f, da.data(), da.offset(), lda);
            } else if (!ta) {        // da (m,k) += g · b, b stored (n,k)
                K.gemm(false, false, m, k, n, 1f, g.data(), g.offset(), n, bd, bo, ldb, 1f, da.data(), da.offset(), lda);
            } else if (!tb) {        // da stored (k,m) += b · gᵀ, b stored (k,n)
                K.gemm(false, true, k, m, n, 1f, bd, bo, ldb, g.data(), g.offset(), n, 1f, da.data(), da.offset(), lda);
            } else {                 // da stored (k,m) += bᵀ · gᵀ, b stored (n,k)
                K.gemm(true, true, k, m, n, 1f, bd, bo, ldb, g.data(), g.offset(), n, 1f, da.data(), da.offset(), lda);
            }
        }
        if (b.requiresGrad) {
            Tensor db = b.gradBuffer();
            if (!ta && !tb) {        // db (k,n) += aᵀ · g, a stored (m,k)
                K.gemm(true, false, k, n, m, 1f, ad, ao, lda, g.data(), g.offset(), n, 1f, db.data(), db.offset(), ldb);
            } else if (!ta) {        // db stored (n,k) += gᵀ · a
                K.gemm(true, false, n, k, m, 1f, g.data(), g.offset(), n, ad, ao, lda, 1f, db.data(), db.offset(), ldb);
            } else if (!tb) {        // db (k,n) += a · g, a stored (k,m)
                K.gemm(false, false, k, n, m, 1f, ad, ao, lda, g.data(), g.offset(), n, 1f, db.data(), db.offset(), ldb);
            } else {                 // db stored (n,k) += gᵀ · aᵀ, a stored (k,m)
                K.gemm(true, true, n, k, m, 1f, g.data(), g.offset(), n, ad, ao, lda, 1f, db.data(), db.offset(), ldb);
            }
        }
    };

    // ------------------------------------------------------------------ element-wise

    /** x + b with b (n) or (1, n) broadcast over the rows of x (…, n). */
    public static Var addBias(Var x, Var b) {
        Tape tape = x.tape;
        tape.check(x);
        tape.check(b);
        int n = x.value.cols();
        if (b.size() != n) {
            throw new IllegalArgumentException("addBias: bias of size " + b.size() + " for rows of " + n);
        }
        Var out = tape.op(ADD_BIAS, x, b, null, x.value.shapeRef(), false);
        int rows = x.value.rows();
        float[] o = out.value.data();
        Tensor xv = x.value;
        Tensor bv = b.value;
        for (int r = 0; r < rows; r++) {
            K.add(xv.data(), xv.offset() + r * n, bv.data(), bv.offset(), o, r * n, n);
        }
        return out;
    }

    private static final Backward ADD_BIAS = out -> {
        Var x = out.in0;
        Var b = out.in1;
        Tensor g = out.grad;
        if (x.requiresGrad) {
            Tensor dx = x.gradBuffer();
            K.axpy(1f, g.data(), g.offset(), dx.data(), dx.offset(), g.size());
        }
        if (b.requiresGrad) {
            Tensor db = b.gradBuffer();
            int n = db.size();
            int rows = g.size() / n;
            for (int r = 0; r < rows; r++) {
                K.axpy(1f, g.data(), g.offset() + r * n, db.data(), db.offset(), n);
            }
        }
    };

    /** a + b, element-wise, same size (the result has a's shape). Also the residual connection x + f(x). */
    public static Var add(Var a, Var b) {
        Tape tape = a.tape;
        tape.check(a);
        tape.check(b);
        sameSize("add", a, b);
        Var out = tape.op(ADD, a, b, null, a.value.shapeRef(), false);
        K.add(a.value.data(), a.value.offset(), b.value.data(), b.value.offset(), out.value.data(), 0, a.size());
        return out;
    }

    private static final Backward ADD = out -> {
        Tensor g = out.grad;
        if (out.in0.requiresGrad) {
            Tensor d = out.in0.gradBuffer();
            K.axpy(1f, g.data(), g.offset(), d.data(), d.offset(), g.size());
        }
        if (out.in1.requiresGrad) {
            Tensor d = out.in1.gradBuffer();
            K.axpy(1f, g.data(), g.offset(), d.data(), d.offset(), g.size());
        }
    };

    /** The residual connection x + f(x) (same as {@link #add(Var, Var)}). */
    public static Var residual(Var x, Var fx) {
        return add(x, fx);
    }

    /** a ⊙ b, element-wise, same size. */
    public static Var mul(Var a, Var b) {
        Tape tape = a.tape;
        tape.check(a);
        tape.check(b);
        sameSize("mul", a, b);
        Var out = tape.op(MUL, a, b, null, a.value.shapeRef(), false);
        K.mul(a.value.data(), a.value.offset(), b.value.data(), b.value.offset(), out.value.data(), 0, a.size());
        return out;
    }

    private static final Backward MUL = out -> {
        Var a = out.in0;
        Var b = out.in1;
        Tensor g = out.grad;
        if (a.requiresGrad) {
            Tensor d = a.gradBuffer();
            K.mulAdd(g.data(), g.offset(), b.value.data(), b.value.offset(), d.data(), d.offset(), g.size());
        }
        if (b.requiresGrad) {
            Tensor d = b.gradBuffer();
            K.mulAdd(g.data(), g.offset(), a.value.data(), a.value.offset(), d.data(), d.offset(), g.size());
        }
    };

    /** s · x. */
    public static Var scale(Var x, float s) {
        Tape tape = x.tape;
        tape.check(x);
        Var out = tape.op(SCALE, x, null, null, x.value.shapeRef(), true);
        out.f0 = s;
        K.axpy(s, x.value.data(), x.value.offset(), out.value.data(), 0, x.size());
        return out;
    }

    private static final Backward SCALE = out -> {
        Var x = out.in0;
        if (x.requiresGrad) {
            Tensor d = x.gradBuffer();
            K.axpy(out.f0, out.grad.data(), out.grad.offset(), d.data(), d.offset(), d.size());
        }
    };

    /** Σ x over all values → a one-element (scalar) Var. */
    public static Var sum(Var x) {
        Tape tape = x.tape;
        tape.check(x);
        Var out = tape.op(SUM, x, null, null, new int[0], false);
        out.value.set(0, K.sum(x.value.data(), x.value.offset(), x.size()));
        out.f0 = 1f;
        return out;
    }

    /** The mean of all values → a scalar Var. */
    public static Var mean(Var x) {
        Tape tape = x.tape;
        tape.check(x);
        Var out = tape.op(SUM, x, null, null, new int[0], false);
        out.f0 = 1f / x.size();
        out.value.set(0, K.sum(x.value.data(), x.value.offset(), x.size()) * out.f0);
        return out;
    }

    private static final Backward SUM = out -> {
        Var x = out.in0;
        if (x.requiresGrad) {
            Tensor d = x.gradBuffer();
            float g = out.grad.get(0) * out.f0;
            float[] dd = d.data();
            for (int i = d.offset(), end = d.offset() + d.size(); i < end; i++) {
                dd[i] += g;
            }
        }
    };

    // ------------------------------------------------------------------ activations

    /** The activation functions of the lecture. */
    public enum Activation {
        /** f(x) = x (returns its input; records nothing). */
        IDENTITY,
        /** f(x) = 1 / (1 + e^−x), f' = f(1 − f). */
        SIGMOID,
        /** f(x) = tanh x, f' = 1 − f². */
        TANH,
        /** f(x) = max(0, x), f' = 1 for x &gt; 0 else 0. */
        RELU;

        /** Applies this activation. */
        public Var apply(Var x) {
            return switch (this) {
                case IDENTITY -> x;
                case SIGMOID -> sigmoid(x);
                case TANH -> tanh(x);
                case RELU -> relu(x);
            };
        }

        /** Parses "identity", "sigmoid", "tanh" or "relu" (any case). */
        public static Activation parse(String name) {
            for (Activation a : values()) {
                if (a.name().equalsIgnoreCase(name.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown activation \"" + name
                    + "\"; expected one of identity, sigmoid, tanh, relu");
        }
    }

    /** Numerically stable logistic sigmoid of one value. */
    public static float sigmoid(float x) {
        if (x >= 0) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }

    /** Element-wise logistic sigmoid. */
    public static Var sigmoid(Var x) {
        Tape tape = x.tape;
        tape.check(x);
        Var out = tape.op(SIGMOID, x, null, null, x.value.shapeRef(), false);
        K.sigmoid(x.value.data(), x.value.offset(), out.value.data(), 0, x.size());
        return out;
    }

    private static final Backward SIGMOID = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        Tensor d = x.gradBuffer();
        float[] dd = d.data();
        int off = d.offset();
        float[] y = out.value.data();
        float[] g = out.grad.data();
        int go = out.grad.offset();
        for (int i = 0, n = d.size(); i < n; i++) {
            dd[off + i] += g[go + i] * y[i] * (1f - y[i]);
        }
    };

    /** Element-wise tanh. */
    public static Var tanh(Var x) {
        Tape tape = x.tape;
        tape.check(x);
        Var out = tape.op(TANH, x, null, null, x.value.shapeRef(), false);
        K.tanh(x.value.data(), x.value.offset(), out.value.data(), 0, x.size());
        return out;
    }

    private static final Backward TANH = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        Tensor d = x.gradBuffer();
        float[] dd = d.data();
        int off = d.offset();
        float[] y = out.value.data();
        float[] g = out.grad.data();
        int go = out.grad.offset();
        for (int i = 0, n = d.size(); i < n; i++) {
            dd[off + i] += g[go + i] * (1f - y[i] * y[i]);
        }
    };

    /** Element-wise max(0, x). */
    public static Var relu(Var x) {
        Tape tape = x.tape;
        tape.check(x);
        Var out = tape.op(RELU, x, null, null, x.value.shapeRef(), false);
        float[] xd = x.value.data();
        int xo = x.value.offset();
        float[] o = out.value.data();
        for (int i = 0, n = x.size(); i < n; i++) {
            o[i] = Math.max(0f, xd[xo + i]);
        }
        return out;
    }

    private static final Backward RELU = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        Tensor d = x.gradBuffer();
        float[] dd = d.data();
        int off = d.offset();
        float[] y = out.value.data();
        float[] g = out.grad.data();
        int go = out.grad.offset();
        for (int i = 0, n = d.size(); i < n; i++) {
            if (y[i] > 0f) {
                dd[off + i] += g[go + i];
            }
        }
    };

    /** The identity: returns x itself. */
    public static Var identity(Var x) {
        return x;
    }

    // ------------------------------------------------------------------ softmax

    /** Softmax over the last axis, per row, with the row maximum subtracted first (no overflow). */
    public static Var softmax(Var x) {
        Tape tape = x.tape;
        tape.check(x);
        Var out = tape.op(SOFTMAX, x, null, null, x.value.shapeRef(), false);
        int n = x.value.cols();
        int rows = x.value.rows();
        for (int r = 0; r < rows; r++) {
            softmaxRow(x.value.data(), x.value.offset() + r * n, out.value.data(), r * n, n);
        }
        return out;
    }

    /** y[yOff..+n) = softmax(x[xOff..+n)); returns log Σ exp(x − max) + max (the log-partition). */
    static float softmaxRow(float[] x, int xOff, float[] y, int yOff, int n) {
        float max = K.max(x, xOff, n);
        float sum = K.expShifted(x, xOff, max, y, yOff, n);
        K.scale(1f / sum, y, yOff, n);
        return (float) (Math.log(sum) + max);
    }

    private static final Backward SOFTMAX = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        Tensor d = x.gradBuffer();
        int n = x.value.cols();
        int rows = x.value.rows();
        float[] y = out.value.data();
        float[] g = out.grad.data();
        int go = out.grad.offset();
        float[] dd = d.data();
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            // dx_i = y_i (g_i − Σ_j g_j y_j)
            float s = K.dot(g, go + o, y, o, n);
            for (int i = 0; i < n; i++) {
                dd[d.offset() + o + i] += y[o + i] * (g[go + o + i] - s);
            }
        }
    };

    /** log softmax over the last axis, per row: x − max − log Σ exp(x − max). */
    public static Var logSoftmax(Var x) {
        Tape tape = x.tape;
        tape.check(x);
        Var out = tape.op(LOG_SOFTMAX, x, null, null, x.value.shapeRef(), false);
        int n = x.value.cols();
        int rows = x.value.rows();
        float[] xd = x.value.data();
        float[] o = out.value.data();
        for (int r = 0; r < rows; r++) {
            int xo = x.value.offset() + r * n;
            float lse = logSumExp(xd, xo, n);
            for (int i = 0; i < n; i++) {
                o[r * n + i] = xd[xo + i] - lse;
            }
        }
        return out;
    }

    /** log Σ exp(x[off..off+n)), stable. */
    public static float logSumExp(float[] x, int off, int n) {
        float max = K.max(x, off, n);
        if (max == Float.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(x[off + i] - max);
        }
        return (float) (Math.log(sum) + max);
    }

    private static final Backward LOG_SOFTMAX = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        Tensor d = x.gradBuffer();
        int n = x.value.cols();
        int rows = x.value.rows();
        float[] y = out.value.data();
        float[] g = out.grad.data();
        int go = out.grad.offset();
        float[] dd = d.data();
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            // dx_i = g_i − softmax_i Σ_j g_j
            float s = K.sum(g, go + o, n);
            for (int i = 0; i < n; i++) {
                dd[d.offset() + o + i] += g[go + o + i] - (float) Math.exp(y[o + i]) * s;
            }
        }
    };

    // ------------------------------------------------------------------ embeddings

    /**
     * Embedding lookup: row {@code ids[i]} of {@code table} (vocabSize, dim) → (ids.length, dim). A negative id
     * gives a zero row and no gradient (padding). When the table is a sparse-row parameter only the rows used
     * get gradients (touched rows). {@code ids} is read again in backward: do not change it before.
     */
    public static Var embedding(Var table, int[] ids) {
        return embedding(table, ids, ids.length, 0);
    }

    /**
     * Embedding lookup of a (batch, time) block of ids, row-major in {@code ids} (batch · time values) →
     * (batch, time, dim).
     */
    public static Var embedding(Var table, int[] ids, int batch, int time) {
        Tape tape = table.tape;
        tape.check(table);
        if (table.rank() != 2) {
            throw new IllegalArgumentException("embedding: table must be (vocabSize, dim), got "
                    + Arrays.toString(table.shape()));
        }
        int count = time == 0 ? batch : batch * time;
        if (ids.length < count) {
            throw new IllegalArgumentException("embedding: " + ids.length + " ids for " + batch + " x " + time);
        }
        int vocab = table.dim(0);
        int dim = table.dim(1);
        Var out = time == 0 ? tape.op(EMBEDDING, table, null, null, count, dim, false)
                : tape.op(EMBEDDING, table, null, null, new int[] {batch, time, dim}, false);
        out.ids = ids;
        out.i0 = count;
        float[] o = out.value.data();
        Tensor tv = table.value;
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            if (id >= vocab) {
                throw new IllegalArgumentException("embedding: id " + id + " at position " + i
                        + " is outside the table of " + vocab + " rows");
            }
            if (id < 0) {
                Arrays.fill(o, i * dim, (i + 1) * dim, 0f);
            } else {
                System.arraycopy(tv.data(), tv.offset() + id * dim, o, i * dim, dim);
            }
        }
        return out;
    }

    private static final Backward EMBEDDING = out -> {
        Var table = out.in0;
        if (!table.requiresGrad) {
            return;
        }
        int dim = table.dim(1);
        int[] ids = out.ids;
        Tensor g = out.grad;
        Tensor d;
        Gradients.Entry entry = table.entry;
        if (entry != null) {
            d = entry.grad; // rows only: no denseGradUsed
        } else {
            d = table.gradBuffer();
        }
        for (int i = 0, n = out.i0; i < n; i++) {
            int id = ids[i];
            if (id < 0) {
                continue;
            }
            if (entry != null) {
                entry.touchRow(id);
            }
            K.axpy(1f, g.data(), g.offset() + i * dim, d.data(), d.offset() + id * dim, dim);
        }
    };

    /**
     * A bag of embeddings: row b of the result is Σ weights[j] · table[ids[j]] over j in
     * [offsets[b], offsets[b + 1]) (the last bag ends at {@code ids.length} when {@code offsets} has only
     * {@code bags} values); {@code weights} null means all 1. This is a sparse-dense product: a batch of
     * bag-of-words count vectors (ids = the words present, weights = their counts) times a (vocabSize, dim)
     * matrix, without materializing the one-hot rows; with a sparse-row table only the rows present get
     * gradients. Arrays are read again in backward: do not change them before.
     *
     * @return (bags, dim)
     */
    public static Var embeddingBag(Var table, int[] offsets, int[] ids, float[] weights, int bags) {
        Tape tape = table.tape;
        tape.check(table);
        if (table.rank() != 2) {
            throw new IllegalArgumentException("embeddingBag: table must be (vocabSize, dim), got "
                    + Arrays.toString(table.shape()));
        }
        if (bags < 0 || offsets.length < bags || (weights != null && weights.length < ids.length)) {
            throw new IllegalArgumentException("embeddingBag: " + bags + " bags need " + bags + " offsets (got "
                    + offsets.length + ") and a weight per id (" + ids.length + " ids, "
                    + (weights == null ? "no" : weights.length) + " weights)");
        }
        int vocab = table.dim(0);
        int dim = table.dim(1);
        Var out = tape.op(EMBEDDING_BAG, table, null, null, bags, dim, true);
        out.ids = ids;
        out.aux = new Object[] {offsets, weights};
        out.i0 = bags;
        float[] o = out.value.data();
        Tensor tv = table.value;
        for (int b = 0; b < bags; b++) {
            int from = offsets[b];
            int to = b + 1 < offsets.length ? offsets[b + 1] : ids.length;
            if (from < 0 || to > ids.length || from > to) {
                throw new IllegalArgumentException("embeddingBag: bag " + b + " spans ids [" + from + ", " + to
                        + ") of " + ids.length);
            }
            for (int j = from; j < to; j++) {
                int id = ids[j];
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException("embeddingBag: id " + id + " (bag " + b
                            + ") is outside the table of " + vocab + " rows");
                }
                K.axpy(weights == null ? 1f : weights[j], tv.data(), tv.offset() + id * dim, o, b * dim, dim);
            }
        }
        return out;
    }

    private static final Backward EMBEDDING_BAG = out -> {
        Var table = out.in0;
        if (!table.requiresGrad) {
            return;
        }
        Object[] aux = (Object[]) out.aux;
        int[] offsets = (int[]) aux[0];
        float[] weights = (float[]) aux[1];
        int[] ids = out.ids;
        int dim = table.dim(1);
        Tensor g = out.grad;
        Gradients.Entry entry = table.entry;
        Tensor d = entry != null ? entry.grad : table.gradBuffer();
        for (int b = 0, bags = out.i0; b < bags; b++) {
            int to = b + 1 < offsets.length ? offsets[b + 1] : ids.length;
            for (int j = offsets[b]; j < to; j++) {
                int id = ids[j];
                if (entry != null) {
                    entry.touchRow(id);
                }
                K.axpy(weights == null ? 1f : weights[j], g.data(), g.offset() + b * dim, d.data(), d.offset() + id * dim, dim);
            }
        }
    };

    // ------------------------------------------------------------------ convolution and pooling

    /**
     * 1-D convolution over time with several input and output channels (Kim 2014's filters).
     *
     * <p>x is (time, inChannels) or (batch, time, inChannels); {@code w} is (width · inChannels, outChannels):
     * column c holds filter c, its rows in window order (time step 0's channels, then step 1's, …);
     * {@code b} (outChannels) or null. The input is padded with {@code padLeft} zero steps before and
     * {@code padRight} after, and the filter moves by {@code stride}; the output has
     * {@code ⌊(n − width + p + s) / s⌋} steps (n = time, p = padLeft + padRight, s = stride) and shape
     * (outTime, outChannels) or (batch, outTime, outChannels). Implemented as one GEMM over the im2col
     * matrix read in place from the padded input (rows overlap), so a batch costs one large product.
     *
     * @throws IllegalArgumentException when the window is wider than the padded input, or shapes do not fit
     */
    public static Var conv1d(Var x, Var w, Var b, int width, int stride, int padLeft, int padRight) {
        Tape tape = x.tape;
        tape.check(x);
        tape.check(w);
        if (b != null) {
            tape.check(b);
        }
        if (width < 1 || stride < 1 || padLeft < 0 || padRight < 0) {
            throw new IllegalArgumentException("conv1d: width " + width + ", stride " + stride + ", padding "
                    + padLeft + "+" + padRight + " (width and stride must be >= 1, padding >= 0)");
        }
        if (x.rank() != 2 && x.rank() != 3) {
            throw new IllegalArgumentException("conv1d: x must be (time, channels) or (batch, time, channels), got "
                    + Arrays.toString(x.shape()));
        }
        int batch = x.rank() == 3 ? x.dim(0) : 1;
        int time = x.dim(-2);
        int cin = x.dim(-1);
        if (w.rank() != 2 || w.dim(0) != width * cin) {
            throw new IllegalArgumentException("conv1d: w must be (width * inChannels = " + width * cin
                    + ", outChannels), got " + Arrays.toString(w.shape()));
        }
        int cout = w.dim(1);
        if (b != null && b.size() != cout) {
            throw new IllegalArgumentException("conv1d: bias of size " + b.size() + " for " + cout + " channels");
        }
        int padded = time + padLeft + padRight;
        if (padded < width) {
            throw new IllegalArgumentException("conv1d: window of width " + width + " is wider than the input of "
                    + time + " steps padded by " + padLeft + "+" + padRight);
        }
        int outTime = (padded - width) / stride + 1;
        // each example's padded block holds tp steps, a multiple of the stride, so that GEMM row r of the whole
        // batch starts at step r·stride; rows that straddle two examples are computed and dropped
        int tp = ceilDiv(padded, stride) * stride;
        int rowsPerExample = tp / stride;
        int gemmRows = batch * rowsPerExample;
        Var out = x.rank() == 3 ? tape.op(CONV1D, x, w, b, new int[] {batch, outTime, cout}, false)
                : tape.op(CONV1D, x, w, b, outTime, cout, false);
        out.i0 = width;
        out.i1 = stride;
        out.i2 = padLeft;
        out.i3 = tp;
        int padSize = (batch * tp + width) * cin;
        float[] xp = out.scratch(0, padSize);
        Arrays.fill(xp, 0, padSize, 0f);
        Tensor xv = x.value;
        for (int e = 0; e < batch; e++) {
            System.arraycopy(xv.data(), xv.offset() + e * time * cin, xp, (e * tp + padLeft) * cin, time * cin);
        }
        float[] y = out.scratch(1, gemmRows * cout);
        Tensor wv = w.value;
        K.gemm(false, false, gemmRows, cout, width * cin, 1f, xp, 0, stride * cin, wv.data(), wv.offset(), cout,
                0f, y, 0, cout);
        float[] o = out.value.data();
        for (int e = 0; e < batch; e++) {
            System.arraycopy(y, e * rowsPerExample * cout, o, e * outTime * cout, outTime * cout);
        }
        if (b != null) {
            Tensor bv = b.value;
            for (int r = 0; r < batch * outTime; r++) {
                K.axpy(1f, bv.data(), bv.offset(), o, r * cout, cout);
            }
        }
        return out;
    }

    /**
     * {@link #conv1d(Var, Var, Var, int, int, int, int)} with a total padding p split as ⌊p/2⌋ steps before
     * and the rest after (the lecture's output length ⌊(n − k + p + s)/s⌋).
     */
    public static Var conv1d(Var x, Var w, Var b, int width, int stride, int totalPadding) {
        return conv1d(x, w, b, width, stride, totalPadding / 2, totalPadding - totalPadding / 2);
    }

    private static final Backward CONV1D = out -> {
        Var x = out.in0;
        Var w = out.in1;
        Var b = out.in2;
        int width = out.i0;
        int stride = out.i1;
        int padLeft = out.i2;
        int tp = out.i3;
        int batch = x.rank() == 3 ? x.dim(0) : 1;
        int time = x.dim(-2);
        int cin = x.dim(-1);
        int cout = w.dim(1);
        int outTime = out.dim(-2);
        int rowsPerExample = tp / stride;
        int gemmRows = batch * rowsPerExample;
        Tensor g = out.grad;
        if (b != null && b.requiresGrad) {
            Tensor db = b.gradBuffer();
            for (int r = 0; r < batch * outTime; r++) {
                K.axpy(1f, g.data(), g.offset() + r * cout, db.data(), db.offset(), cout);
            }
        }
        if (!x.requiresGrad && !w.requiresGrad) {
            return;
        }
        // gradient of the GEMM output, with zero rows where the forward dropped straddling rows
        float[] dy = out.scratch(1, gemmRows * cout);
        Arrays.fill(dy, 0, gemmRows * cout, 0f);
        for (int e = 0; e < batch; e++) {
            System.arraycopy(g.data(), g.offset() + e * outTime * cout, dy, e * rowsPerExample * cout, outTime * cout);
        }
        float[] xp = out.scratch[0];
        if (w.requiresGrad) {
            Tensor dw = w.gradBuffer();
            // dw (width·cin, cout) += im2colᵀ · dy, im2col read in place (row r at r·stride·cin)
            K.gemm(true, false, width * cin, cout, gemmRows, 1f, xp, 0, stride * cin, dy, 0, cout, 1f,
                    dw.data(), dw.offset(), cout);
        }
        if (x.requiresGrad) {
            int k = width * cin;
            float[] dcols = out.scratch(2, gemmRows * k);
            Tensor wv = w.value;
            K.gemm(false, true, gemmRows, k, cout, 1f, dy, 0, cout, wv.data(), wv.offset(), cout, 0f, dcols, 0, k);
            int padSize = (batch * tp + width) * cin;
            float[] dxp = out.scratch(3, padSize);
            Arrays.fill(dxp, 0, padSize, 0f);
            for (int r = 0; r < gemmRows; r++) {
                K.axpy(1f, dcols, r * k, dxp, r * stride * cin, k);
            }
            Tensor dx = x.gradBuffer();
            for (int e = 0; e < batch; e++) {
                K.axpy(1f, dxp, (e * tp + padLeft) * cin, dx.data(), dx.offset() + e * time * cin, time * cin);
            }
        }
    };

    /**
     * Max over time: (time, channels) → (1, channels); (batch, time, channels) → (batch, channels). The
     * gradient goes to the first position holding the maximum.
     */
    public static Var maxPoolTime(Var x) {
        return poolTime(x, true);
    }

    /** Mean over time: (time, channels) → (1, channels); (batch, time, channels) → (batch, channels). */
    public static Var meanPoolTime(Var x) {
        return poolTime(x, false);
    }

    private static Var poolTime(Var x, boolean max) {
        Tape tape = x.tape;
        tape.check(x);
        if (x.rank() != 2 && x.rank() != 3) {
            throw new IllegalArgumentException("pooling over time needs (time, channels) or (batch, time, channels), got "
                    + Arrays.toString(x.shape()));
        }
        int batch = x.rank() == 3 ? x.dim(0) : 1;
        int time = x.dim(-2);
        int c = x.dim(-1);
        if (time == 0) {
            throw new IllegalArgumentException("pooling over time needs at least one time step");
        }
        Var out = tape.op(max ? MAX_POOL : MEAN_POOL, x, null, null, batch, c, false);
        float[] o = out.value.data();
        float[] xd = x.value.data();
        int xo = x.value.offset();
        if (max) {
            int[] arg = out.intScratch(batch * c);
            for (int e = 0; e < batch; e++) {
                int base = xo + e * time * c;
                System.arraycopy(xd, base, o, e * c, c);
                Arrays.fill(arg, e * c, (e + 1) * c, 0);
                for (int t = 1; t < time; t++) {
                    int row = base + t * c;
                    for (int j = 0; j < c; j++) {
                        if (xd[row + j] > o[e * c + j]) {
                            o[e * c + j] = xd[row + j];
                            arg[e * c + j] = t;
                        }
                    }
                }
            }
        } else {
            Arrays.fill(o, 0, batch * c, 0f);
            for (int e = 0; e < batch; e++) {
                for (int t = 0; t < time; t++) {
                    K.axpy(1f, xd, xo + (e * time + t) * c, o, e * c, c);
                }
            }
            K.scale(1f / time, o, 0, batch * c);
        }
        return out;
    }

    private static final Backward MAX_POOL = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        int batch = out.dim(0);
        int c = out.dim(1);
        int time = x.dim(-2);
        Tensor d = x.gradBuffer();
        float[] dd = d.data();
        int[] arg = out.intScratch;
        Tensor g = out.grad;
        for (int e = 0; e < batch; e++) {
            for (int j = 0; j < c; j++) {
                dd[d.offset() + (e * time + arg[e * c + j]) * c + j] += g.get(e * c + j);
            }
        }
    };

    private static final Backward MEAN_POOL = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        int batch = out.dim(0);
        int c = out.dim(1);
        int time = x.dim(-2);
        Tensor d = x.gradBuffer();
        Tensor g = out.grad;
        float s = 1f / time;
        for (int e = 0; e < batch; e++) {
            for (int t = 0; t < time; t++) {
                K.axpy(s, g.data(), g.offset() + e * c, d.data(), d.offset() + (e * time + t) * c, c);
            }
        }
    };

    // ------------------------------------------------------------------ structure

    /**
     * Concatenation along the last (feature) axis: parts (…, n_i) with the same number of rows →
     * (…, Σ n_i), leading shape of the first part.
     */
    public static Var concat(Var... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat needs at least one part");
        }
        Tape tape = parts[0].tape;
        int rows = parts[0].value.rows();
        int total = 0;
        boolean requires = false;
        for (Var p : parts) {
            tape.check(p);
            if (p.value.rows() != rows) {
                throw new IllegalArgumentException("concat: part " + Arrays.toString(p.shape()) + " has "
                        + p.value.rows() + " rows, the first has " + rows);
            }
            total += p.value.cols();
            requires |= p.requiresGrad;
        }
        Var out = tape.op(CONCAT, null, null, null, withLast(parts[0].value.shapeRef(), total), false);
        out.ins = parts.clone();
        out.requiresGrad = requires;
        float[] o = out.value.data();
        int col = 0;
        for (Var p : parts) {
            int n = p.value.cols();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(p.value.data(), p.value.offset() + r * n, o, r * total + col, n);
            }
            col += n;
        }
        return out;
    }

    private static final Backward CONCAT = out -> {
        int total = out.value.cols();
        int rows = out.value.rows();
        Tensor g = out.grad;
        int col = 0;
        for (Var p : out.ins) {
            int n = p.value.cols();
            if (p.requiresGrad) {
                Tensor d = p.gradBuffer();
                for (int r = 0; r < rows; r++) {
                    K.axpy(1f, g.data(), g.offset() + r * total + col, d.data(), d.offset() + r * n, n);
                }
            }
            col += n;
        }
    };

    /**
     * Inverted dropout: in training mode each value is zeroed with probability {@code rate} and the rest are
     * scaled by 1 / (1 − rate), so evaluation needs no rescaling; in evaluation mode (or rate 0) returns x
     * itself. Draws from the tape's {@link Tape#random()}.
     */
    public static Var dropout(Var x, float rate) {
        Tape tape = x.tape;
        tape.check(x);
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        if (!tape.isTraining() || rate == 0f) {
            return x;
        }
        Var out = tape.op(DROPOUT, x, null, null, x.value.shapeRef(), false);
        int n = x.size();
        float[] mask = out.scratch(0, n);
        float keep = 1f / (1f - rate);
        var random = tape.random();
        float[] xd = x.value.data();
        int xo = x.value.offset();
        float[] o = out.value.data();
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < rate ? 0f : keep;
            o[i] = xd[xo + i] * mask[i];
        }
        return out;
    }

    private static final Backward DROPOUT = out -> {
        Var x = out.in0;
        if (x.requiresGrad) {
            Tensor d = x.gradBuffer();
            K.mulAdd(out.grad.data(), out.grad.offset(), out.scratch[0], 0, d.data(), d.offset(), d.size());
        }
    };

    /**
     * The same values with another shape of the same size: the value is a view of x's (no copy), the gradient
     * flows back unchanged. E.g. (batch, context, dim) → (batch, context · dim) for an NNLM's concatenated
     * context.
     */
    public static Var reshape(Var x, int... shape) {
        Tape tape = x.tape;
        tape.check(x);
        if (Tensor.sizeOf(shape) != x.size()) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(x.shape()) + " to "
                    + Arrays.toString(shape));
        }
        Var out = tape.newVar();
        out.op = COPY_BACK;
        out.in0 = x;
        out.requiresGrad = x.requiresGrad;
        out.value = Tensor.view(x.value.data(), x.value.offset(), shape);
        return out;
    }

    private static final Backward COPY_BACK = out -> {
        Var x = out.in0;
        if (x.requiresGrad) {
            Tensor d = x.gradBuffer();
            K.axpy(1f, out.grad.data(), out.grad.offset(), d.data(), d.offset(), d.size());
        }
    };

    /**
     * Time step t of a sequence: (batch, time, c) → (batch, c); (time, c) → (1, c).
     */
    public static Var timeStep(Var x, int t) {
        Tape tape = x.tape;
        tape.check(x);
        if (x.rank() != 2 && x.rank() != 3) {
            throw new IllegalArgumentException("timeStep needs (time, c) or (batch, time, c), got "
                    + Arrays.toString(x.shape()));
        }
        int batch = x.rank() == 3 ? x.dim(0) : 1;
        int time = x.dim(-2);
        int c = x.dim(-1);
        if (t < 0 || t >= time) {
            throw new IndexOutOfBoundsException("time step " + t + " of " + time);
        }
        Var out = tape.op(TIME_STEP, x, null, null, batch, c, false);
        out.i0 = t;
        for (int e = 0; e < batch; e++) {
            System.arraycopy(x.value.data(), x.value.offset() + (e * time + t) * c, out.value.data(), e * c, c);
        }
        return out;
    }

    private static final Backward TIME_STEP = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        int batch = out.dim(0);
        int c = out.dim(1);
        int time = x.dim(-2);
        Tensor d = x.gradBuffer();
        for (int e = 0; e < batch; e++) {
            K.axpy(1f, out.grad.data(), out.grad.offset() + e * c, d.data(), d.offset() + (e * time + out.i0) * c, c);
        }
    };

    /** Stacks T Vars of shape (batch, c) into (batch, T, c) (the inverse of {@link #timeStep}). */
    public static Var stack(Var... steps) {
        if (steps.length == 0) {
            throw new IllegalArgumentException("stack needs at least one step");
        }
        Tape tape = steps[0].tape;
        int batch = steps[0].value.rows();
        int c = steps[0].value.cols();
        boolean requires = false;
        for (Var s : steps) {
            tape.check(s);
            if (s.value.rows() != batch || s.value.cols() != c) {
                throw new IllegalArgumentException("stack: step " + Arrays.toString(s.shape()) + " differs from "
                        + Arrays.toString(steps[0].shape()));
            }
            requires |= s.requiresGrad;
        }
        int time = steps.length;
        Var out = tape.op(STACK, null, null, null, new int[] {batch, time, c}, false);
        out.ins = steps.clone();
        out.requiresGrad = requires;
        for (int t = 0; t < time; t++) {
            Tensor sv = steps[t].value;
            for (int e = 0; e < batch; e++) {
                System.arraycopy(sv.data(), sv.offset() + e * c, out.value.data(), (e * time + t) * c, c);
            }
        }
        return out;
    }

    private static final Backward STACK = out -> {
        int batch = out.dim(0);
        int time = out.dim(1);
        int c = out.dim(2);
        for (int t = 0; t < time; t++) {
            Var s = out.ins[t];
            if (!s.requiresGrad) {
                continue;
            }
            Tensor d = s.gradBuffer();
            for (int e = 0; e < batch; e++) {
                K.axpy(1f, out.grad.data(), out.grad.offset() + (e * time + t) * c, d.data(), d.offset() + e * c, c);
            }
        }
    };

    /** Columns [from, to) of the last axis: (…, n) → (…, to − from) (e.g. the gates of a fused LSTM product). */
    public static Var sliceColumns(Var x, int from, int to) {
        Tape tape = x.tape;
        tape.check(x);
        int n = x.value.cols();
        if (from < 0 || to > n || from >= to) {
            throw new IndexOutOfBoundsException("columns [" + from + ", " + to + ") of " + n);
        }
        int rows = x.value.rows();
        int w = to - from;
        Var out = tape.op(SLICE_COLUMNS, x, null, null, withLast(x.value.shapeRef(), w), false);
        out.i0 = from;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x.value.data(), x.value.offset() + r * n + from, out.value.data(), r * w, w);
        }
        return out;
    }

    private static final Backward SLICE_COLUMNS = out -> {
        Var x = out.in0;
        if (!x.requiresGrad) {
            return;
        }
        int n = x.value.cols();
        int w = out.value.cols();
        int rows = out.value.rows();
        Tensor d = x.gradBuffer();
        for (int r = 0; r < rows; r++) {
            K.axpy(1f, out.grad.data(), out.grad.offset() + r * w, d.data(), d.offset() + r * n + out.i0, w);
        }
    };

    /** Rows [from, to) of a rank-2 Var: (rows, c) → (to − from, c) (e.g. one example of a batch). */
    public static Var sliceRows(Var x, int from, int to) {
        Tape tape = x.tape;
        tape.check(x);
        if (x.rank() != 2) {
            throw new IllegalArgumentException("sliceRows needs rank 2, got " + Arrays.toString(x.shape()));
        }
        int rows = x.dim(0);
        if (from < 0 || to > rows || from >= to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + rows);
        }
        int c = x.dim(1);
        Var out = tape.op(SLICE_ROWS, x, null, null, to - from, c, false);
        out.i0 = from;
        System.arraycopy(x.value.data(), x.value.offset() + from * c, out.value.data(), 0, (to - from) * c);
        return out;
    }

    private static final Backward SLICE_ROWS = out -> {
        Var x = out.in0;
        if (x.requiresGrad) {
            Tensor d = x.gradBuffer();
            int c = x.dim(1);
            K.axpy(1f, out.grad.data(), out.grad.offset(), d.data(), d.offset() + out.i0 * c, out.size());
        }
    };

    // ------------------------------------------------------------------ helpers

    static int[] withLast(int[] shape, int last) {
        int[] s = shape.length == 0 ? new int[1] : shape.clone();
        s[s.length - 1] = last;
        return s;
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static void sameSize(String op, Var a, Var b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()) + " differ in size");
        }
    }
}
