package dev.lexis.nn.optim;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Updates parameters from their gradients, one {@link #step()} per mini-batch.
 *
 * <p>A step does, in order: (1) gradient clipping by value and then by global norm, if set; (2) for each
 * trainable parameter, the optimizer's update rule with the learning rate of the {@linkplain
 * #setSchedule(LearningRateSchedule) schedule} at this step and the L2 {@linkplain #setWeightDecay(float)
 * weight decay} λ added to the gradient (g + λw, as PyTorch's {@code weight_decay}); (3) the max-norm
 * constraints. A step does not clear the gradients: call {@link #zeroGrad()} (all parameters, frozen ones
 * included) before accumulating the next batch.
 *
 * <p><b>Sparse rows.</b> A sparse-row parameter (an embedding) is updated only in the rows touched since the
 * last {@code zeroGrad}: the rule, the weight decay and the optimizer state (momentum, accumulators, Adam
 * moments) of the other rows are left alone — "lazy" updates as in word2vec and PyTorch's {@code SparseAdam}.
 * When every row is touched, the result equals the dense update exactly. <b>Frozen</b> parameters
 * ({@link Parameter#isTrainable()} false) are skipped and get no state.
 *
 * <p><b>State</b> (moments, accumulators and the step count) exports to named tensors with
 * {@link #exportState()} and imports with {@link #importState(Map)}, so a checkpoint resumes exactly.
 *
 * <p>Not thread-safe: one thread calls {@code step()} (data-parallel trainers reduce the workers' gradients
 * first).
 */
public abstract class Optimizer {
    private final String name;
    private final List<Parameter> parameters;
    private final Parameter[] trainable;
    private LearningRateSchedule schedule;
    private float weightDecay;
    private float clipNorm;
    private float clipValue;
    private final List<MaxNormConstraint> constraints = new ArrayList<>();
    private long steps;
    private double lastGradientNorm = Double.NaN;

    /**
     * @param name       short lower-case name used in state tensor names ("sgd", "adam", …)
     * @param parameters the parameters to update (frozen ones are skipped)
     * @param schedule   the learning rate per step
     * @throws IllegalArgumentException if two parameters share a name
     */
    protected Optimizer(String name, Collection<Parameter> parameters, LearningRateSchedule schedule) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        Set<String> names = new TreeSet<>();
        for (Parameter p : this.parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two parameters are called \"" + p.name() + "\"");
            }
        }
        this.trainable = this.parameters.stream().filter(Parameter::isTrainable).toArray(Parameter[]::new);
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        this.schedule = schedule;
    }

    /** Plain (stochastic / mini-batch / batch) gradient descent: w ← w − η·g. */
    public static Sgd sgd(Collection<Parameter> parameters, float learningRate) {
        return new Sgd(parameters, LearningRateSchedule.constant(learningRate), 0f, false);
    }

    /** Gradient descent with (heavy-ball) momentum μ: v ← μv + g; w ← w − η·v. */
    public static Sgd momentum(Collection<Parameter> parameters, float learningRate, float momentum) {
        return new Sgd(parameters, LearningRateSchedule.constant(learningRate), momentum, false);
    }

    /** Gradient descent with Nesterov momentum μ (PyTorch's form): v ← μv + g; w ← w − η·(g + μv). */
    public static Sgd nesterov(Collection<Parameter> parameters, float learningRate, float momentum) {
        return new Sgd(parameters, LearningRateSchedule.constant(learningRate), momentum, true);
    }

    /** AdaGrad (Duchi et al. 2011) with ε = 1e-10. */
    public static AdaGrad adaGrad(Collection<Parameter> parameters, float learningRate) {
        return new AdaGrad(parameters, LearningRateSchedule.constant(learningRate), 1e-10f, 0f);
    }

    /** Adadelta (Zeiler 2012) with learning rate 1; Kim (2014) uses ρ = 0.95, ε = 1e-6. */
    public static Adadelta adadelta(Collection<Parameter> parameters, float rho, float epsilon) {
        return new Adadelta(parameters, LearningRateSchedule.constant(1f), rho, epsilon);
    }

    /** Adam (Kingma &amp; Ba 2015) with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static Adam adam(Collection<Parameter> parameters, float learningRate) {
        return new Adam(parameters, LearningRateSchedule.constant(learningRate), 0.9f, 0.999f, 1e-8f);
    }

    /** The short name ("sgd", "adagrad", "adadelta", "adam"). */
    public String name() {
        return name;
    }

    /** All parameters given at construction, frozen ones included. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Sets the learning-rate schedule (replacing the constant rate given at construction). */
    public Optimizer setSchedule(LearningRateSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        this.schedule = schedule;
        return this;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * Sets the L2 weight decay λ (0 = off): the gradient becomes g + λw before the update rule.
     *
     * @throws IllegalArgumentException unless λ is finite and &gt;= 0
     */
    public Optimizer setWeightDecay(float lambda) {
        if (!(lambda >= 0) || !Float.isFinite(lambda)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + lambda);
        }
        this.weightDecay = lambda;
        return this;
    }

    public float weightDecay() {
        return weightDecay;
    }

    /**
     * Clips the gradients to global L2 norm {@code maxNorm} before each step (0 = off); see
     * {@link GradientClipping#clipByGlobalNorm(List, float)}.
     */
    public Optimizer setClipNorm(float maxNorm) {
        if (!(maxNorm >= 0) || !Float.isFinite(maxNorm)) {
            throw new IllegalArgumentException("clipNorm must be finite and >= 0, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    public float clipNorm() {
        return clipNorm;
    }

    /** Clamps each gradient value into [−limit, limit] before each step (0 = off). */
    public Optimizer setClipValue(float limit) {
        if (!(limit >= 0) || !Float.isFinite(limit)) {
            throw new IllegalArgumentException("clipValue must be finite and >= 0, got " + limit);
        }
        this.clipValue = limit;
        return this;
    }

    public float clipValue() {
        return clipValue;
    }

    /** Adds a max-norm constraint applied after every step. */
    public Optimizer addConstraint(MaxNormConstraint constraint) {
        constraints.add(constraint);
        return this;
    }

    /** Kim (2014)'s max-norm: after every step, rescale each row of {@code parameters} to L2 norm ≤ limit. */
    public Optimizer addMaxNormRows(float limit, Collection<Parameter> parameters) {
        return addConstraint(new MaxNormConstraint(limit, MaxNormConstraint.Axis.ROWS, List.copyOf(parameters)));
    }

    /** Max-norm on each column of {@code parameters} (weights laid out (features, outputs)). */
    public Optimizer addMaxNormColumns(float limit, Collection<Parameter> parameters) {
        return addConstraint(new MaxNormConstraint(limit, MaxNormConstraint.Axis.COLUMNS, List.copyOf(parameters)));
    }

    /** The number of steps taken so far. */
    public long stepCount() {
        return steps;
    }

    /** The learning rate the next step will use. */
    public float currentLearningRate() {
        return schedule.rate(steps);
    }

    /** The global gradient norm before clipping at the last step (NaN unless norm clipping is on). */
    public double lastGradientNorm() {
        return lastGradientNorm;
    }

    /** Sets the gradients of all parameters (frozen ones included) to zero; see {@link Parameter#zeroGrad()}. */
    public void zeroGrad() {
        for (Parameter p : parameters) {
            p.zeroGrad();
        }
    }

    /** One update of every trainable parameter from its current gradient (see the class comment for the order). */
    public final void step() {
        float rate = schedule.rate(steps);
        steps++;
        if (clipValue > 0) {
            GradientClipping.clipByValue(parameters, clipValue);
        }
        if (clipNorm > 0) {
            lastGradientNorm = GradientClipping.clipByGlobalNorm(parameters, clipNorm);
        }
        beginStep(steps);
        for (int k = 0; k < trainable.length; k++) {
            Parameter p = trainable[k];
            float[] w = p.value().data();
            int wBase = p.value().offset();
            float[] g = p.grad().data();
            int gBase = p.grad().offset();
            if (p.isSparseRows()) {
                int rowSize = p.rowSize();
                for (int i = 0; i < p.touchedRowCount(); i++) {
                    int start = p.touchedRow(i) * rowSize;
                    update(k, w, wBase + start, g, gBase + start, start, rowSize, rate, weightDecay);
                }
            } else {
                update(k, w, wBase, g, gBase, 0, p.value().size(), rate, weightDecay);
            }
        }
        for (MaxNormConstraint c : constraints) {
            c.apply();
        }
    }

    /** Called once per step before the updates, with the 1-based number of this step (Adam's bias correction). */
    protected void beginStep(long step) {
    }

    /**
     * Applies the update rule to {@code n} consecutive values of trainable parameter {@code k}.
     *
     * @param k           index among the trainable parameters (see {@link #trainable(int)})
     * @param w           values; this range starts at {@code wOffset}
     * @param g           gradients; this range starts at {@code gOffset}
     * @param stateOffset index of the first value within the parameter (for state arrays of the parameter's size)
     * @param n           number of values
     * @param rate        learning rate of this step
     * @param decay       L2 weight decay λ (add λ·w to the gradient)
     */
    protected abstract void update(int k, float[] w, int wOffset, float[] g, int gOffset, int stateOffset, int n,
                                   float rate, float decay);

    /** The number of trainable parameters. */
    protected final int trainableCount() {
        return trainable.length;
    }

    /** Trainable parameter {@code k}. */
    protected final Parameter trainable(int k) {
        return trainable[k];
    }

    /** Allocates one state array per trainable parameter, each of the parameter's size, filled with {@code value}. */
    protected final float[][] newState(float value) {
        float[][] state = new float[trainable.length][];
        for (int k = 0; k < trainable.length; k++) {
            state[k] = new float[trainable[k].value().size()];
            if (value != 0f) {
                Arrays.fill(state[k], value);
            }
        }
        return state;
    }

    /** The names of this optimizer's per-parameter state arrays (e.g. {"m", "v"}), parallel to {@link #stateArrays()}. */
    protected abstract List<String> stateNames();

    /** The per-parameter state arrays, one {@code float[trainableCount()][]} per state name. */
    protected abstract List<float[][]> stateArrays();

    /** The name of the tensor holding the step count in {@link #exportState()}. */
    public String stepTensorName() {
        return "optimizer." + name + ".step";
    }

    /**
     * The optimizer state as named tensors, sharing storage with the optimizer (save them before the next
     * step): {@code optimizer.<name>.<state>/<parameter>} with the parameter's shape for each state array
     * (e.g. {@code optimizer.adam.m/dense0.weight}), and {@code optimizer.<name>.step}, the step count as
     * two exact float integers (high and low 24 bits).
     */
    public Map<String, Tensor> exportState() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(stepTensorName(), Tensor.of(new float[] {(float) (steps >>> 24), (float) (steps & 0xFFFFFF)}, 2));
        List<String> names = stateNames();
        List<float[][]> arrays = stateArrays();
        for (int s = 0; s < names.size(); s++) {
            for (int k = 0; k < trainable.length; k++) {
                out.put(stateKey(names.get(s), trainable[k]), Tensor.of(arrays.get(s)[k], trainable[k].value().shape()));
            }
        }
        return out;
    }

    /**
     * Restores the state written by {@link #exportState()} of an optimizer of the same kind over parameters of
     * the same names and shapes. Tensors of {@code state} whose names do not start with {@code optimizer.}
     * (model parameters in the same checkpoint) are ignored.
     *
     * @throws IllegalArgumentException naming the tensor if one is missing, of the wrong shape, or belongs to
     *                                  another optimizer or an unknown parameter
     */
    public void importState(Map<String, Tensor> state) {
        Tensor step = state.get(stepTensorName());
        if (step == null) {
            throw new IllegalArgumentException("no optimizer state \"" + stepTensorName() + "\" (found: "
                    + optimizerKeys(state) + ")");
        }
        if (step.size() != 2) {
            throw new IllegalArgumentException("\"" + stepTensorName() + "\" must hold 2 values, got " + step.size());
        }
        Set<String> expected = new TreeSet<>();
        expected.add(stepTensorName());
        List<String> names = stateNames();
        List<float[][]> arrays = stateArrays();
        for (int s = 0; s < names.size(); s++) {
            for (int k = 0; k < trainable.length; k++) {
                String key = stateKey(names.get(s), trainable[k]);
                expected.add(key);
                Tensor t = state.get(key);
                if (t == null) {
                    throw new IllegalArgumentException("no optimizer state \"" + key + "\"");
                }
                if (!Arrays.equals(t.shape(), trainable[k].value().shape())) {
                    throw new IllegalArgumentException("optimizer state \"" + key + "\" has shape "
                            + Arrays.toString(t.shape()) + ", the parameter has " + Arrays.toString(trainable[k].value().shape()));
                }
            }
        }
        for (String key : optimizerKeys(state)) {
            if (!expected.contains(key)) {
                throw new IllegalArgumentException("unexpected optimizer state \"" + key + "\" for a " + name
                        + " optimizer over " + trainableNames());
            }
        }
        for (int s = 0; s < names.size(); s++) {
            for (int k = 0; k < trainable.length; k++) {
                Tensor t = state.get(stateKey(names.get(s), trainable[k]));
                System.arraycopy(t.data(), t.offset(), arrays.get(s)[k], 0, t.size());
            }
        }
        steps = ((long) step.get(0) << 24) + (long) step.get(1);
    }

    private String stateKey(String stateName, Parameter p) {
        return "optimizer." + name + "." + stateName + "/" + p.name();
    }

    private static List<String> optimizerKeys(Map<String, Tensor> state) {
        return state.keySet().stream().filter(k -> k.startsWith("optimizer.")).sorted().toList();
    }

    private List<String> trainableNames() {
        return Arrays.stream(trainable).map(Parameter::name).toList();
    }

    @Override
    public String toString() {
        return name + "(schedule " + schedule + (weightDecay > 0 ? ", weight decay " + weightDecay : "")
                + (clipNorm > 0 ? ", clip norm " + clipNorm : "") + (clipValue > 0 ? ", clip value " + clipValue : "")
                + ", " + trainable.length + " trainable of " + parameters.size() + " parameters)";
    }
}
