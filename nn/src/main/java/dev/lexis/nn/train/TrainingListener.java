package dev.lexis.nn.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Receives training progress: after every optimizer step and at the end of every epoch. Called on the
 * training thread; keep it cheap (the default printer throttles itself).
 */
public interface TrainingListener {
    /** After each optimizer step. */
    default void onStep(StepProgress progress) {
    }

    /** After each epoch (and its validation, if any). */
    default void onEpoch(EpochSummary summary) {
    }

    /** A listener that does nothing. */
    static TrainingListener silent() {
        return new TrainingListener() { };
    }

    /** Prints a progress line to standard error at most every 5 seconds, and one line per epoch. */
    static TrainingListener stderr() {
        return printingTo(System.err, Duration.ofSeconds(5));
    }

    /** Prints a progress line to {@code out} at most every {@code interval}, and one line per epoch. */
    static TrainingListener printingTo(PrintStream out, Duration interval) {
        long intervalNanos = interval.toNanos();
        return new TrainingListener() {
            private long lastPrint = System.nanoTime();

            @Override
            public void onStep(StepProgress p) {
                long now = System.nanoTime();
                if (now - lastPrint >= intervalNanos) {
                    lastPrint = now;
                    out.println(p);
                }
            }

            @Override
            public void onEpoch(EpochSummary s) {
                lastPrint = System.nanoTime();
                out.println(s);
            }
        };
    }

    /**
     * Progress after one step.
     *
     * @param epoch              1-based epoch
     * @param epochs             epochs planned
     * @param step               1-based global step
     * @param stepInEpoch        1-based step within the epoch
     * @param stepsPerEpoch      steps per epoch
     * @param loss               mean training loss over this epoch's examples so far
     * @param learningRate       the rate of this step
     * @param examplesPerSecond  training examples per second of wall time in this run
     * @param remaining          estimated time to the end of the last epoch (validation excluded)
     */
    record StepProgress(int epoch, int epochs, long step, int stepInEpoch, int stepsPerEpoch, double loss,
                        float learningRate, double examplesPerSecond, Duration remaining) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "epoch %d/%d  step %d/%d  loss %.4f  lr %.3g  %,.0f examples/s  ETA %s",
                    epoch, epochs, stepInEpoch, stepsPerEpoch, loss, learningRate, examplesPerSecond, format(remaining));
        }
    }

    /**
     * The end of one epoch.
     *
     * @param epoch             1-based epoch
     * @param epochs            epochs planned
     * @param steps             global steps so far
     * @param trainLoss         mean training loss over the epoch's examples
     * @param validation        the validation metric after the epoch, if there is one
     * @param best              whether it is the best so far
     * @param examplesPerSecond training examples per second of this epoch's wall time (validation excluded)
     * @param elapsed           wall time of the epoch (validation included)
     */
    record EpochSummary(int epoch, int epochs, long steps, double trainLoss, OptionalDouble validation, boolean best,
                        double examplesPerSecond, Duration elapsed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f%s  %,.0f examples/s  %s",
                    epoch, epochs, trainLoss,
                    validation.isPresent() ? String.format(Locale.ROOT, "  validation %.4f%s", validation.getAsDouble(),
                            best ? " (best)" : "") : "",
                    examplesPerSecond, format(elapsed));
        }
    }

    private static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
