package dev.lexis.nn.optim;

/**
 * The learning rate as a function of the update number (0 for the first update).
 *
 * <p>Schedules are immutable records, so a trainer's config can carry one and print it.
 */
public sealed interface LearningRateSchedule {
    /** The learning rate for update {@code step} (0-based). */
    float rate(long step);

    /** The rate of the first update. */
    default float initialRate() {
        return rate(0);
    }

    /** The same rate for every update. */
    static LearningRateSchedule constant(float rate) {
        return new Constant(rate);
    }

    /**
     * Falls linearly from {@code start} to {@code floor} over {@code totalSteps} updates, then stays at
     * {@code floor} — word2vec's schedule (there with floor = start · 10⁻⁴).
     */
    static LearningRateSchedule linearDecay(float start, float floor, long totalSteps) {
        return new LinearDecay(start, floor, totalSteps);
    }

    /** {@code start · gamma^⌊step / everySteps⌋}: multiplied by {@code gamma} every {@code everySteps} updates. */
    static LearningRateSchedule stepDecay(float start, float gamma, long everySteps) {
        return new StepDecay(start, gamma, everySteps);
    }

    /**
     * Cosine annealing (Loshchilov &amp; Hutter 2017, without restarts): from {@code start} down to {@code floor}
     * along half a cosine over {@code totalSteps} updates, then {@code floor}.
     */
    static LearningRateSchedule cosine(float start, float floor, long totalSteps) {
        return new Cosine(start, floor, totalSteps);
    }

    private static void checkRate(String field, float rate) {
        if (!(rate >= 0) || !Float.isFinite(rate)) {
            throw new IllegalArgumentException(field + " must be finite and >= 0, got " + rate);
        }
    }

    private static void checkSteps(String field, long steps) {
        if (steps <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + steps);
        }
    }

    /** @param rate the learning rate, finite and &gt;= 0 */
    record Constant(float rate) implements LearningRateSchedule {
        public Constant {
            checkRate("rate", rate);
        }

        @Override
        public float rate(long step) {
            return rate;
        }
    }

    /** See {@link LearningRateSchedule#linearDecay(float, float, long)}. */
    record LinearDecay(float start, float floor, long totalSteps) implements LearningRateSchedule {
        public LinearDecay {
            checkRate("start", start);
            checkRate("floor", floor);
            checkSteps("totalSteps", totalSteps);
        }

        @Override
        public float rate(long step) {
            double progress = Math.min(1.0, (double) step / totalSteps);
            return (float) (start + (floor - (double) start) * progress);
        }
    }

    /** See {@link LearningRateSchedule#stepDecay(float, float, long)}. */
    record StepDecay(float start, float gamma, long everySteps) implements LearningRateSchedule {
        public StepDecay {
            checkRate("start", start);
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
            }
            checkSteps("everySteps", everySteps);
        }

        @Override
        public float rate(long step) {
            return (float) (start * Math.pow(gamma, (double) (step / everySteps)));
        }
    }

    /** See {@link LearningRateSchedule#cosine(float, float, long)}. */
    record Cosine(float start, float floor, long totalSteps) implements LearningRateSchedule {
        public Cosine {
            checkRate("start", start);
            checkRate("floor", floor);
            checkSteps("totalSteps", totalSteps);
        }

        @Override
        public float rate(long step) {
            double progress = Math.min(1.0, (double) step / totalSteps);
            return (float) (floor + (start - (double) floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
        }
    }
}
