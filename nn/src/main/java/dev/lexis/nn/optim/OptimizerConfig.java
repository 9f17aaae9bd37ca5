package dev.lexis.nn.optim;

import dev.lexis.nn.Parameter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An optimizer by name and hyper-parameters, for model configs and the command line: it converts to and from
 * properties (keys {@code optimizer}, {@code learningRate}, …) and {@link #create(Collection) creates} the
 * optimizer with a constant learning rate (set a schedule on the result to change that).
 *
 * @param kind         which optimizer
 * @param learningRate η &gt; 0 (Adadelta: 1 in the paper)
 * @param momentum     μ in [0, 1) for {@link Kind#MOMENTUM} and {@link Kind#NESTEROV} (ignored otherwise)
 * @param rho          ρ in (0, 1) for {@link Kind#ADADELTA}
 * @param beta1        β₁ in [0, 1) for {@link Kind#ADAM}
 * @param beta2        β₂ in [0, 1) for {@link Kind#ADAM}
 * @param epsilon      ε &gt; 0 for AdaGrad, Adadelta and Adam
 * @param weightDecay  L2 weight decay λ &gt;= 0 (0: none)
 * @param clipNorm     global gradient-norm clipping &gt;= 0 (0: none)
 */
public record OptimizerConfig(Kind kind, float learningRate, float momentum, float rho, float beta1, float beta2,
                              float epsilon, float weightDecay, float clipNorm) {
    /** The optimizers; {@link #key()} is the name in properties and on the command line. */
    public enum Kind {
        SGD, MOMENTUM, NESTEROV, ADAGRAD, ADADELTA, ADAM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @throws IllegalArgumentException naming the known kinds for an unknown one
         */
        public static Kind parse(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown optimizer \"" + key + "\"; known: sgd, momentum, nesterov, "
                    + "adagrad, adadelta, adam");
        }
    }

    private static final Set<String> KEYS = Set.of("optimizer", "learningRate", "momentum", "rho", "beta1", "beta2",
            "epsilon", "weightDecay", "clipNorm");

    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(rho > 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must be in (0, 1), got " + rho);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
        }
        if (!(clipNorm >= 0) || !Float.isFinite(clipNorm)) {
            throw new IllegalArgumentException("clipNorm must be finite and >= 0, got " + clipNorm);
        }
        if ((kind == Kind.MOMENTUM || kind == Kind.NESTEROV) && momentum == 0) {
            throw new IllegalArgumentException(kind.key() + " needs momentum > 0");
        }
    }

    /**
     * The usual defaults of each kind: SGD η 0.1; momentum and Nesterov η 0.01, μ 0.9; AdaGrad η 0.01, ε 1e-10;
     * Adadelta η 1, ρ 0.95, ε 1e-6 (Kim 2014); Adam η 0.001, β 0.9/0.999, ε 1e-8. No weight decay, no clipping.
     */
    public static OptimizerConfig defaults(Kind kind) {
        return switch (kind) {
            case SGD -> new OptimizerConfig(kind, 0.1f, 0f, 0.95f, 0.9f, 0.999f, 1e-8f, 0f, 0f);
            case MOMENTUM, NESTEROV -> new OptimizerConfig(kind, 0.01f, 0.9f, 0.95f, 0.9f, 0.999f, 1e-8f, 0f, 0f);
            case ADAGRAD -> new OptimizerConfig(kind, 0.01f, 0f, 0.95f, 0.9f, 0.999f, 1e-10f, 0f, 0f);
            case ADADELTA -> new OptimizerConfig(kind, 1f, 0f, 0.95f, 0.9f, 0.999f, 1e-6f, 0f, 0f);
            case ADAM -> new OptimizerConfig(kind, 0.001f, 0f, 0.95f, 0.9f, 0.999f, 1e-8f, 0f, 0f);
        };
    }

    public OptimizerConfig withLearningRate(float learningRate) {
        return new OptimizerConfig(kind, learningRate, momentum, rho, beta1, beta2, epsilon, weightDecay, clipNorm);
    }

    public OptimizerConfig withMomentum(float momentum) {
        return new OptimizerConfig(kind, learningRate, momentum, rho, beta1, beta2, epsilon, weightDecay, clipNorm);
    }

    public OptimizerConfig withRho(float rho) {
        return new OptimizerConfig(kind, learningRate, momentum, rho, beta1, beta2, epsilon, weightDecay, clipNorm);
    }

    public OptimizerConfig withBetas(float beta1, float beta2) {
        return new OptimizerConfig(kind, learningRate, momentum, rho, beta1, beta2, epsilon, weightDecay, clipNorm);
    }

    public OptimizerConfig withEpsilon(float epsilon) {
        return new OptimizerConfig(kind, learningRate, momentum, rho, beta1, beta2, epsilon, weightDecay, clipNorm);
    }

    public OptimizerConfig withWeightDecay(float weightDecay) {
        return new OptimizerConfig(kind, learningRate, momentum, rho, beta1, beta2, epsilon, weightDecay, clipNorm);
    }

    public OptimizerConfig withClipNorm(float clipNorm) {
        return new OptimizerConfig(kind, learningRate, momentum, rho, beta1, beta2, epsilon, weightDecay, clipNorm);
    }

    /** A new optimizer of this kind over {@code parameters}, with a constant learning rate. */
    public Optimizer create(Collection<Parameter> parameters) {
        LearningRateSchedule rate = LearningRateSchedule.constant(learningRate);
        Optimizer optimizer = switch (kind) {
            case SGD -> new Sgd(parameters, rate, 0f, false);
            case MOMENTUM -> new Sgd(parameters, rate, momentum, false);
            case NESTEROV -> new Sgd(parameters, rate, momentum, true);
            case ADAGRAD -> new AdaGrad(parameters, rate, epsilon, 0f);
            case ADADELTA -> new Adadelta(parameters, rate, rho, epsilon);
            case ADAM -> new Adam(parameters, rate, beta1, beta2, epsilon);
        };
        return optimizer.setWeightDecay(weightDecay).setClipNorm(clipNorm);
    }

    /** The config as properties: {@code optimizer} (the kind's key) and the record's other component names. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("optimizer", kind.key());
        p.put("learningRate", Float.toString(learningRate));
        p.put("momentum", Float.toString(momentum));
        p.put("rho", Float.toString(rho));
        p.put("beta1", Float.toString(beta1));
        p.put("beta2", Float.toString(beta2));
        p.put("epsilon", Float.toString(epsilon));
        p.put("weightDecay", Float.toString(weightDecay));
        p.put("clipNorm", Float.toString(clipNorm));
        return p;
    }

    /**
     * A config from properties: {@code optimizer} picks the kind (default adam) and its {@link #defaults(Kind)};
     * the other keys override them.
     *
     * @throws IllegalArgumentException for an unknown key (naming the known ones), an unknown optimizer or a
     *                                  value that is not a number
     */
    public static OptimizerConfig fromProperties(Map<String, String> properties) {
        Set<String> unknown = new TreeSet<>(properties.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown optimizer config keys " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        OptimizerConfig d = defaults(Kind.parse(properties.getOrDefault("optimizer", "adam")));
        return new OptimizerConfig(d.kind,
                floatValue(properties, "learningRate", d.learningRate),
                floatValue(properties, "momentum", d.momentum),
                floatValue(properties, "rho", d.rho),
                floatValue(properties, "beta1", d.beta1),
                floatValue(properties, "beta2", d.beta2),
                floatValue(properties, "epsilon", d.epsilon),
                floatValue(properties, "weightDecay", d.weightDecay),
                floatValue(properties, "clipNorm", d.clipNorm));
    }

    private static float floatValue(Map<String, String> p, String key, float fallback) {
        String v = p.get(key);
        try {
            return v == null ? fallback : Float.parseFloat(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got \"" + v + "\"", e);
        }
    }
}
