package dev.lexis.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finite-difference gradient checking: compares the gradients of a backward pass with central differences
 * (L(θ + h) − L(θ − h)) / 2h, taken in double from the float losses, value by value.
 *
 * <p>The loss is a function that builds a graph on a fresh tape (in training mode, with the same dropout seed
 * every time, so dropout masks repeat) and returns a one-element Var. Everything to check must be a
 * {@link Parameter} (wrap inputs as parameters to check their gradients). A value fails when
 * |analytic − numeric| &gt; tolerance · max(|analytic|, |numeric|, floor): keep shapes tiny, inputs away from
 * kinks (ReLU at 0, ties in max-pooling), and h around 1e-2 to 1e-3 for float forward passes. The check
 * clears the parameters' gradients before and after (it runs its backward pass on {@code new Tape()}).
 */
public final class GradientCheck {
    /** The default step h. */
    public static final double DEFAULT_STEP = 1e-2;
    /** The default relative tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-2;
    /** The default floor of the relative error's denominator (absolute differences below tolerance·floor pass). */
    public static final double DEFAULT_FLOOR = 1e-2;

    private GradientCheck() {
    }

    /** One checked value. */
    public record Mismatch(String tensor, int index, double analytic, double numeric, double relativeError) {
        @Override
        public String toString() {
            return tensor + "[" + index + "]: analytic " + analytic + ", numeric " + numeric
                    + " (relative error " + relativeError + ")";
        }
    }

    /** The result of a check: the worst relative error and every value that failed. */
    public record Report(int checked, double worstRelativeError, List<Mismatch> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** {@link #check} with the defaults, throwing {@link AssertionError} naming the first failures. */
    public static Report assertMatches(List<Parameter> parameters, Function<Tape, Var> loss) {
        return assertMatches(parameters, loss, DEFAULT_STEP, DEFAULT_TOLERANCE);
    }

    /**
     * Checks, and throws {@link AssertionError} naming the tensor, the index and both values of up to five
     * failures.
     */
    public static Report assertMatches(List<Parameter> parameters, Function<Tape, Var> loss, double step,
                                       double tolerance) {
        Report report = check(parameters, loss, step, tolerance, DEFAULT_FLOOR);
        if (!report.passed()) {
            StringBuilder sb = new StringBuilder("gradient check failed for ").append(report.failures().size())
                    .append(" of ").append(report.checked()).append(" values:");
            for (int i = 0; i < Math.min(5, report.failures().size()); i++) {
                sb.append("\n  ").append(report.failures().get(i));
            }
            throw new AssertionError(sb.toString());
        }
        return report;
    }

    /**
     * Compares analytic and numeric gradients of {@code loss} for every value of every parameter.
     *
     * @param step h of the central difference
     * @param tolerance the largest relative error accepted
     * @param floor the smallest denominator of the relative error
     */
    public static Report check(List<Parameter> parameters, Function<Tape, Var> loss, double step, double tolerance,
                               double floor) {
        return check(parameters, loss, step, tolerance, floor, Integer.MAX_VALUE);
    }

    /**
     * As {@link #check(List, Function, double, double, double)}, but nudging at most {@code maxPerTensor} values
     * of each parameter (evenly spaced, always including the first and the last) for larger models.
     */
    public static Report check(List<Parameter> parameters, Function<Tape, Var> loss, double step, double tolerance,
                               double floor, int maxPerTensor) {
        if (maxPerTensor < 1) {
            throw new IllegalArgumentException("maxPerTensor must be >= 1, got " + maxPerTensor);
        }
        if (!(step > 0) || !(tolerance > 0) || !(floor > 0)) {
            throw new IllegalArgumentException("step, tolerance and floor must be > 0, got " + step + ", "
                    + tolerance + ", " + floor);
        }
        for (Parameter p : parameters) {
            p.grad().fill(0f);
            p.zeroGrad();
        }
        Tape tape = freshTape();
        Var l = loss.apply(tape);
        tape.backward(l);
        List<float[]> analytic = new ArrayList<>();
        for (Parameter p : parameters) {
            analytic.add(p.grad().toArray());
        }
        List<Mismatch> failures = new ArrayList<>();
        double worst = 0;
        int checked = 0;
        for (int pi = 0; pi < parameters.size(); pi++) {
            Parameter p = parameters.get(pi);
            Tensor v = p.value();
            int size = v.size();
            int count = Math.min(size, maxPerTensor);
            for (int c = 0; c < count; c++) {
                int i = count == size ? c : count == 1 ? 0 : (int) ((long) c * (size - 1) / (count - 1));
                float original = v.get(i);
                v.set(i, (float) (original + step));
                double plus = evaluate(loss);
                v.set(i, (float) (original - step));
                double minus = evaluate(loss);
                v.set(i, original);
                double numeric = (plus - minus) / (2 * step);
                double a = analytic.get(pi)[i];
                double rel = Math.abs(a - numeric) / Math.max(floor, Math.max(Math.abs(a), Math.abs(numeric)));
                worst = Math.max(worst, rel);
                checked++;
                if (!(rel <= tolerance)) {
                    failures.add(new Mismatch(p.name(), i, a, numeric, rel));
                }
            }
        }
        for (Parameter p : parameters) {
            p.grad().fill(0f);
            p.zeroGrad();
        }
        return new Report(checked, worst, failures);
    }

    private static Tape freshTape() {
        return new Tape().setSeed(12345);
    }

    private static double evaluate(Function<Tape, Var> loss) {
        Tape t = freshTape();
        return loss.apply(t).item();
    }
}
