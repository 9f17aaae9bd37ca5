package dev.lexis.nn.rnn;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.kernel.Kernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One direction of a recurrent layer (RNN, GRU or LSTM) over a batch of sequences, as one fused op on the tape.
 *
 * <p><b>Parameters.</b> All gates come from one product of the concatenation [x_t, h_{t−1}] with one weight
 * {@code W} of shape (inputSize + hiddenSize, gates · hiddenSize): its first {@code inputSize} rows are W_x,
 * the last {@code hiddenSize} rows W_h; the bias {@code b} has gates · hiddenSize values. Gate blocks, in
 * column order:
 * <ul>
 *   <li>RNN: h_t = tanh(x W_x + h W_h + b)</li>
 *   <li>LSTM: [i, f, g, o]; i, f, o = σ(·), g = tanh(·); c_t = f ⊙ c_{t−1} + i ⊙ g; h_t = o ⊙ tanh(c_t)</li>
 *   <li>GRU: [r, z, n]; r, z = σ(x W_x + h W_h + b); n = tanh(x W_xn + b_n + r ⊙ (h W_hn + b_hn));
 *       h_t = z ⊙ h_{t−1} + (1 − z) ⊙ n. The reset gate multiplies the hidden part of the candidate after
 *       its product (as cuDNN and PyTorch do) rather than before, so one product per step gives every gate;
 *       this needs the extra bias b_hn ({@code hiddenBias}, hiddenSize values).</li>
 * </ul>
 *
 * <p><b>Batches.</b> The input is time-major: a (T · B, inputSize) matrix whose row t · B + s is sequence s at
 * time t. Lengths are given per sequence and must be non-increasing (longest first, like packed sequences),
 * so at each step the live sequences are a prefix of the batch: every step is a single (live × hiddenSize) ·
 * (hiddenSize × gates · hiddenSize) product. Steps past a sequence's end are masked: they neither read nor
 * change the state, their output rows are zero and they pass no gradient. A reverse layer reads each sequence
 * from its own last token back to its first (not from the padded end).
 *
 * <p><b>Speed.</b> The input projection x W_x + b of all time steps is one GEMM before the recurrence; the
 * weight gradients dW_x and dW_h are one GEMM each after it. Per-call buffers live in the output Var's scratch
 * space, so a steady training loop allocates almost nothing.
 *
 * <p><b>Truncated BPTT.</b> With {@code bpttLimit} k &gt; 0 the gradient through the recurrent connection is
 * cut every k steps (the state still flows forward): backpropagation through time in chunks of k steps.
 *
 * <p>Immutable apart from the parameter values; thread-safe for concurrent forward/backward on separate tapes.
 */
public final class RecurrentLayer {
    private static final Kernels K = Kernels.get();

    private final CellKind kind;
    private final int inputSize;
    private final int hiddenSize;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter hiddenBias;

    private RecurrentLayer(CellKind kind, Parameter weight, Parameter bias, Parameter hiddenBias) {
        this.kind = kind;
        this.weight = weight;
        this.bias = bias;
        this.hiddenBias = hiddenBias;
        int cols = weight.value().dim(1);
        if (weight.value().rank() != 2 || cols % kind.gates() != 0) {
            throw new IllegalArgumentException(weight.name() + ": expected (inputSize + hiddenSize, "
                    + kind.gates() + " · hiddenSize), got " + Arrays.toString(weight.value().shape()));
        }
        this.hiddenSize = cols / kind.gates();
        this.inputSize = weight.value().dim(0) - hiddenSize;
        if (inputSize <= 0) {
            throw new IllegalArgumentException(weight.name() + ": " + weight.value().dim(0)
                    + " rows leave no input rows for hidden size " + hiddenSize);
        }
        if (bias.value().size() != cols) {
            throw new IllegalArgumentException(bias.name() + ": expected " + cols + " values, got " + bias.value().size());
        }
        if ((kind == CellKind.GRU) != (hiddenBias != null)) {
            throw new IllegalArgumentException("a hidden bias is needed by (and only by) a GRU, cell " + kind.key());
        }
        if (hiddenBias != null && hiddenBias.value().size() != hiddenSize) {
            throw new IllegalArgumentException(hiddenBias.name() + ": expected " + hiddenSize + " values, got "
                    + hiddenBias.value().size());
        }
    }

    /**
     * A new layer with PyTorch's initialisation: every weight and bias uniform on ±1/√hiddenSize.
     *
     * @param name prefix of the parameter names ({@code name.weight}, {@code name.bias}, {@code name.hidden_bias})
     * @throws IllegalArgumentException when a size is not positive
     */
    public static RecurrentLayer create(String name, CellKind kind, int inputSize, int hiddenSize,
                                        SplittableRandom random) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("inputSize must be > 0, got " + inputSize);
        }
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hiddenSize must be > 0, got " + hiddenSize);
        }
        int cols = kind.gates() * hiddenSize;
        float bound = (float) (1 / Math.sqrt(hiddenSize));
        Tensor w = uniform(random, bound, inputSize + hiddenSize, cols);
        Tensor b = uniform(random, bound, cols);
        Tensor hb = kind == CellKind.GRU ? uniform(random, bound, hiddenSize) : null;
        return new RecurrentLayer(kind, Parameter.dense(name + ".weight", w), Parameter.dense(name + ".bias", b),
                hb == null ? null : Parameter.dense(name + ".hidden_bias", hb));
    }

    /**
     * A layer over existing parameters (e.g. loaded from a model file).
     *
     * @param hiddenBias the GRU's b_hn, null for RNN and LSTM
     * @throws IllegalArgumentException when the shapes do not fit together
     */
    public static RecurrentLayer of(CellKind kind, Parameter weight, Parameter bias, Parameter hiddenBias) {
        return new RecurrentLayer(kind, weight, bias, hiddenBias);
    }

    private static Tensor uniform(SplittableRandom random, float bound, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return t;
    }

    public CellKind kind() {
        return kind;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    /** The parameters: weight, bias and (GRU) hidden bias. */
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(List.of(weight, bias));
        if (hiddenBias != null) {
            list.add(hiddenBias);
        }
        return list;
    }

    /**
     * Runs the layer over a batch, reading time forward ({@code reverse} false) or backward.
     *
     * @param input     (T · batch, inputSize), time-major (row t · batch + s)
     * @param batch     number of sequences B
     * @param lengths   B lengths, non-increasing, each in [0, T]
     * @param reverse   read each sequence from its last token to its first
     * @param bpttLimit 0 for full backpropagation through time, else cut the recurrent gradient every k steps
     * @return (T · batch, hiddenSize) hidden states; rows past a sequence's end are zero
     * @throws IllegalArgumentException for a wrong input width, a row count that is not a multiple of batch,
     *                                  or lengths that are not non-increasing within [0, T]
     */
    public Var forward(Var input, int batch, int[] lengths, boolean reverse, int bpttLimit) {
        Tape tape = input.tape();
        if (input.rank() != 2 || input.dim(1) != inputSize) {
            throw new IllegalArgumentException(weight.name() + ": input must be (T · batch, " + inputSize + "), got "
                    + Arrays.toString(input.shape()));
        }
        if (batch <= 0 || input.dim(0) % batch != 0) {
            throw new IllegalArgumentException(weight.name() + ": " + input.dim(0) + " input rows are not a multiple of batch "
                    + batch);
        }
        if (bpttLimit < 0) {
            throw new IllegalArgumentException("bpttLimit must be >= 0, got " + bpttLimit);
        }
        int steps = input.dim(0) / batch;
        checkLengths(lengths, batch, steps);
        Var w = tape.param(weight);
        Var b = tape.param(bias);
        Var hb = hiddenBias == null ? null : tape.param(hiddenBias);
        Call call = new Call(this, batch, steps, reverse, bpttLimit);
        Var out = hb == null
                ? tape.record(call::backward, new int[] {steps * batch, hiddenSize}, input, w, b)
                : tape.record(call::backward, new int[] {steps * batch, hiddenSize}, input, w, b, hb);
        int[] live = out.intScratch(steps);
        for (int t = 0; t < steps; t++) {
            int n = 0;
            while (n < batch && lengths[n] > t) {
                n++;
            }
            live[t] = n;
        }
        call.forward(out);
        return out;
    }

    static void checkLengths(int[] lengths, int batch, int steps) {
        if (lengths == null || lengths.length < batch) {
            throw new IllegalArgumentException("need " + batch + " lengths, got "
                    + (lengths == null ? "none" : lengths.length));
        }
        for (int s = 0; s < batch; s++) {
            if (lengths[s] < 0 || lengths[s] > steps) {
                throw new IllegalArgumentException("length " + lengths[s] + " of sequence " + s + " is outside [0, "
                        + steps + "]");
            }
            if (s > 0 && lengths[s] > lengths[s - 1]) {
                throw new IllegalArgumentException("lengths must be non-increasing (longest first), got "
                        + lengths[s - 1] + " then " + lengths[s] + " at sequence " + s);
            }
        }
    }

    /** The state of one forward call, read again by its backward pass. */
    private static final class Call {
        private final RecurrentLayer layer;
        private final int batch;
        private final int steps;
        private final boolean reverse;
        private final int bpttLimit;

        Call(RecurrentLayer layer, int batch, int steps, boolean reverse, int bpttLimit) {
            this.layer = layer;
            this.batch = batch;
            this.steps = steps;
            this.reverse = reverse;
            this.bpttLimit = bpttLimit;
        }

        /** Step t's predecessor in reading order, or −1 at the start. */
        private int prevStep(int t) {
            int p = reverse ? t + 1 : t - 1;
            return p < 0 || p >= steps ? -1 : p;
        }

        // Scratch layout of the output Var (N = steps · batch, h = hiddenSize, G = gates · h):
        //   0: gate activations (N, G)            [GRU: r, z, n]     [LSTM: i, f, g, o]
        //   1: LSTM cell c (N, h); GRU h W_hn + b_hn (N, h)
        //   2: LSTM tanh(c) (N, h); GRU hidden-side gate gradients (N, G)
        //   3: gate gradients (N, G), then dh (B, h), dc (B, h), a (B, G) product buffer
        void forward(Var out) {
            int h = layer.hiddenSize;
            int in = layer.inputSize;
            int gh = layer.kind.gates() * h;
            int rows = steps * batch;
            Var input = out.input(0);
            float[] x = input.value().data();
            int xo = input.value().offset();
            float[] w = layer.weight.value().data();
            int wo = layer.weight.value().offset();
            int who = wo + in * gh;
            float[] bias = layer.bias.value().data();
            int bo = layer.bias.value().offset();
            float[] gates = out.scratch(0, rows * gh);
            float[] hs = out.value().data();
            int[] live = out.intScratch(steps);
            // the input projection of every step in one product
            K.gemm(false, false, rows, gh, in, 1f, x, xo, in, w, wo, gh, 0f, gates, 0, gh);
            switch (layer.kind) {
                case RNN -> {
                    for (int i = 0; i < steps; i++) {
                        int t = reverse ? steps - 1 - i : i;
                        int n = live[t];
                        int p = prevStep(t);
                        int g0 = t * batch * gh;
                        if (p >= 0 && n > 0) {
                            K.gemm(false, false, n, gh, h, 1f, hs, p * batch * h, h, w, who, gh, 1f, gates, g0, gh);
                        }
                        for (int s = 0; s < n; s++) {
                            K.axpy(1f, bias, bo, gates, g0 + s * gh, gh);
                            K.tanh(gates, g0 + s * gh, hs, (t * batch + s) * h, h);
                        }
                    }
                }
                case LSTM -> {
                    float[] c = out.scratch(1, rows * h);
                    float[] tc = out.scratch(2, rows * h);
                    Arrays.fill(c, 0, rows * h, 0f);
                    for (int i = 0; i < steps; i++) {
                        int t = reverse ? steps - 1 - i : i;
                        int n = live[t];
                        int p = prevStep(t);
                        int g0 = t * batch * gh;
                        if (p >= 0 && n > 0) {
                            K.gemm(false, false, n, gh, h, 1f, hs, p * batch * h, h, w, who, gh, 1f, gates, g0, gh);
                        }
                        for (int s = 0; s < n; s++) {
                            int g = g0 + s * gh;
                            K.axpy(1f, bias, bo, gates, g, gh);
                            K.sigmoid(gates, g, gates, g, 2 * h);
                            K.tanh(gates, g + 2 * h, gates, g + 2 * h, h);
                            K.sigmoid(gates, g + 3 * h, gates, g + 3 * h, h);
                            int r = (t * batch + s) * h;
                            int pr = p >= 0 ? (p * batch + s) * h : -1;
                            for (int j = 0; j < h; j++) {
                                float cPrev = pr >= 0 ? c[pr + j] : 0f;
                                c[r + j] = gates[g + h + j] * cPrev + gates[g + j] * gates[g + 2 * h + j];
                            }
                            K.tanh(c, r, tc, r, h);
                            K.mul(gates, g + 3 * h, tc, r, hs, r, h);
                        }
                    }
                }
                case GRU -> {
                    float[] hn = out.scratch(1, rows * h);
                    float[] work = out.scratch(3, rows * gh + 2 * batch * h + batch * gh);
                    int a0 = rows * gh + 2 * batch * h;
                    float[] hb = layer.hiddenBias.value().data();
                    int hbo = layer.hiddenBias.value().offset();
                    for (int i = 0; i < steps; i++) {
                        int t = reverse ? steps - 1 - i : i;
                        int n = live[t];
                        int p = prevStep(t);
                        int g0 = t * batch * gh;
                        if (p >= 0 && n > 0) {
                            K.gemm(false, false, n, gh, h, 1f, hs, p * batch * h, h, w, who, gh, 0f, work, a0, gh);
                        } else {
                            Arrays.fill(work, a0, a0 + n * gh, 0f);
                        }
                        for (int s = 0; s < n; s++) {
                            int g = g0 + s * gh;
                            int a = a0 + s * gh;
                            int r = (t * batch + s) * h;
                            K.axpy(1f, bias, bo, gates, g, gh);
                            K.add(gates, g, work, a, gates, g, 2 * h);
                            K.sigmoid(gates, g, gates, g, 2 * h);
                            K.add(work, a + 2 * h, hb, hbo, hn, r, h);
                            K.mulAdd(gates, g, hn, r, gates, g + 2 * h, h);
                            K.tanh(gates, g + 2 * h, gates, g + 2 * h, h);
                            int pr = p >= 0 ? (p * batch + s) * h : -1;
                            for (int j = 0; j < h; j++) {
                                float z = gates[g + h + j];
                                float hPrev = pr >= 0 ? hs[pr + j] : 0f;
                                hs[r + j] = z * hPrev + (1f - z) * gates[g + 2 * h + j];
                            }
                        }
                    }
                }
            }
        }

        void backward(Var out) {
            int h = layer.hiddenSize;
            int in = layer.inputSize;
            int gh = layer.kind.gates() * h;
            int rows = steps * batch;
            Var input = out.input(0);
            Var wVar = out.input(1);
            Var bVar = out.input(2);
            float[] w = layer.weight.value().data();
            int wo = layer.weight.value().offset();
            int who = wo + in * gh;
            float[] gates = out.scratch(0, rows * gh);
            float[] hs = out.value().data();
            float[] dOut = out.grad().data();
            int dOff = out.grad().offset();
            int[] live = out.intScratch(steps);
            float[] work = out.scratch(3, rows * gh + 2 * batch * h + batch * gh);
            int dh0 = rows * gh;
            int dc0 = dh0 + batch * h;
            Arrays.fill(work, 0, dc0 + batch * h, 0f);
            // dG: gradients of the gate pre-activations on the input side; dGh: on the hidden side (GRU only)
            float[] dGh = layer.kind == CellKind.GRU ? out.scratch(2, rows * gh) : work;
            if (layer.kind == CellKind.GRU) {
                Arrays.fill(dGh, 0, rows * gh, 0f);
            }
            float[] c = layer.kind == CellKind.LSTM ? out.scratch(1, rows * h) : null;
            float[] tc = layer.kind == CellKind.LSTM ? out.scratch(2, rows * h) : null;
            float[] hn = layer.kind == CellKind.GRU ? out.scratch(1, rows * h) : null;
            for (int i = steps - 1; i >= 0; i--) {
                int t = reverse ? steps - 1 - i : i;
                int n = live[t];
                int p = prevStep(t);
                int g0 = t * batch * gh;
                for (int s = 0; s < n; s++) {
                    int g = g0 + s * gh;
                    int r = (t * batch + s) * h;
                    int pr = p >= 0 ? (p * batch + s) * h : -1;
                    int dh = dh0 + s * h;
                    switch (layer.kind) {
                        case RNN -> {
                            for (int j = 0; j < h; j++) {
                                float hv = hs[r + j];
                                work[g + j] = (dOut[dOff + r + j] + work[dh + j]) * (1f - hv * hv);
                            }
                        }
                        case LSTM -> {
                            int dc = dc0 + s * h;
                            for (int j = 0; j < h; j++) {
                                float ig = gates[g + j];
                                float fg = gates[g + h + j];
                                float gg = gates[g + 2 * h + j];
                                float og = gates[g + 3 * h + j];
                                float tcv = tc[r + j];
                                float dhv = dOut[dOff + r + j] + work[dh + j];
                                float dcv = work[dc + j] + dhv * og * (1f - tcv * tcv);
                                float cPrev = pr >= 0 ? c[pr + j] : 0f;
                                work[g + j] = dcv * gg * ig * (1f - ig);
                                work[g + h + j] = dcv * cPrev * fg * (1f - fg);
                                work[g + 2 * h + j] = dcv * ig * (1f - gg * gg);
                                work[g + 3 * h + j] = dhv * tcv * og * (1f - og);
                                work[dc + j] = dcv * fg;
                            }
                        }
                        case GRU -> {
                            for (int j = 0; j < h; j++) {
                                float rg = gates[g + j];
                                float zg = gates[g + h + j];
                                float ng = gates[g + 2 * h + j];
                                float hPrev = pr >= 0 ? hs[pr + j] : 0f;
                                float dhv = dOut[dOff + r + j] + work[dh + j];
                                float dnp = dhv * (1f - zg) * (1f - ng * ng);
                                float drp = dnp * hn[r + j] * rg * (1f - rg);
                                float dzp = dhv * (hPrev - ng) * zg * (1f - zg);
                                work[g + j] = drp;
                                work[g + h + j] = dzp;
                                work[g + 2 * h + j] = dnp;
                                dGh[g + j] = drp;
                                dGh[g + h + j] = dzp;
                                dGh[g + 2 * h + j] = dnp * rg;
                                work[dh + j] = dhv * zg;
                            }
                        }
                    }
                }
                boolean cut = p < 0 || (bpttLimit > 0 && i % bpttLimit == 0);
                if (cut) {
                    Arrays.fill(work, dh0, dc0 + batch * h, 0f);
                } else if (n > 0) {
                    // dh_{t−1} = dG_t · W_hᵀ (GRU: plus the direct z ⊙ dh already in place)
                    float beta = layer.kind == CellKind.GRU ? 1f : 0f;
                    float[] src = layer.kind == CellKind.GRU ? dGh : work;
                    K.gemm(false, true, n, h, gh, 1f, src, g0, gh, w, who, gh, beta, work, dh0, h);
                }
            }
            // parameter and input gradients: one product each over all steps
            if (input.requiresGrad()) {
                Tensor dx = input.gradBuffer();
                K.gemm(false, true, rows, in, gh, 1f, work, 0, gh, w, wo, gh, 1f, dx.data(), dx.offset(), in);
            }
            if (wVar.requiresGrad()) {
                Tensor dw = wVar.gradBuffer();
                float[] x = input.value().data();
                K.gemm(true, false, in, gh, rows, 1f, x, input.value().offset(), in, work, 0, gh,
                        1f, dw.data(), dw.offset(), gh);
                float[] src = layer.kind == CellKind.GRU ? dGh : work;
                int prevRows = (steps - 1) * batch;
                if (prevRows > 0) {
                    // forward: Σ_t H_{t−1}ᵀ dG_t; reverse: Σ_t H_{t+1}ᵀ dG_t (padded rows are zero on both sides)
                    int hOff = reverse ? batch * h : 0;
                    int gOff = reverse ? 0 : batch * gh;
                    K.gemm(true, false, h, gh, prevRows, 1f, hs, hOff, h, src, gOff, gh,
                            1f, dw.data(), dw.offset() + in * gh, gh);
                }
            }
            if (bVar.requiresGrad()) {
                Tensor db = bVar.gradBuffer();
                for (int t = 0; t < steps; t++) {
                    for (int s = 0; s < live[t]; s++) {
                        K.axpy(1f, work, (t * batch + s) * gh, db.data(), db.offset(), gh);
                    }
                }
            }
            if (layer.kind == CellKind.GRU && out.input(3).requiresGrad()) {
                Tensor dhb = out.input(3).gradBuffer();
                for (int t = 0; t < steps; t++) {
                    for (int s = 0; s < live[t]; s++) {
                        K.axpy(1f, dGh, (t * batch + s) * gh + 2 * h, dhb.data(), dhb.offset(), h);
                    }
                }
            }
        }
    }
}
