package dev.lexis.nn.train;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A test model that needs no layers: logistic regression with dense features x (weights w, bias b) and sparse
 * features (ids into a sparse-row table e, one weight per id), as one hand-written op on the tape.
 * loss = mean over examples of log(1 + exp(−y·s)), s = w·x + b + Σ e[id], y = ±1.
 */
final class LogisticModel implements Trainable<LogisticModel.Example> {
    record Example(float[] x, int[] ids, float y) {
    }

    final Parameter w;
    final Parameter b;
    final Parameter e;
    /** Makes the loss NaN from this global call number on (for divergence tests); −1 = never. */
    volatile int nanFromCall = -1;
    /** Throws from this call on; −1 = never. */
    volatile int throwFromCall = -1;
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    LogisticModel(int dim, int ids) {
        w = Parameter.dense("w", Tensor.zeros(dim));
        b = Parameter.dense("b", Tensor.zeros(1));
        e = Parameter.sparseRows("e", Tensor.zeros(ids, 1));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(w, b, e);
    }

    float score(Example ex) {
        float s = b.value().get(0);
        for (int i = 0; i < ex.x.length; i++) {
            s += w.value().get(i) * ex.x[i];
        }
        for (int id : ex.ids) {
            s += e.value().get(id, 0);
        }
        return s;
    }

    double accuracy(List<Example> examples) {
        int right = 0;
        for (Example ex : examples) {
            right += score(ex) * ex.y > 0 ? 1 : 0;
        }
        return right / (double) examples.size();
    }

    @Override
    public Var loss(Tape tape, List<Example> examples) {
        int call = calls.getAndIncrement();
        if (throwFromCall >= 0 && call >= throwFromCall) {
            throw new IllegalStateException("model failed on purpose in " + Thread.currentThread().getName());
        }
        boolean poison = nanFromCall >= 0 && call >= nanFromCall;
        Var wv = tape.param(w);
        Var bv = tape.param(b);
        Var ev = tape.param(e);
        List<Example> batch = List.copyOf(examples);
        Var out = tape.record(o -> {
            float upstream = o.grad().get(0) / batch.size();
            Tensor gw = tape.gradients().of(w);
            Tensor gb = tape.gradients().of(b);
            Tensor ge = tape.gradients().of(e);
            for (Example ex : batch) {
                float s = score(ex);
                // d/ds log(1 + exp(−y s)) = −y σ(−y s)
                float d = (float) (-ex.y / (1 + Math.exp(ex.y * s))) * upstream;
                if (poison) {
                    d = Float.NaN;
                }
                for (int i = 0; i < ex.x.length; i++) {
                    gw.set(i, gw.get(i) + d * ex.x[i]);
                }
                gb.set(0, gb.get(0) + d);
                for (int id : ex.ids) {
                    tape.gradients().touchRow(e, id);
                    ge.set(id, 0, ge.get(id, 0) + d);
                }
            }
        }, new int[0], wv, bv, ev);
        double sum = 0;
        for (Example ex : batch) {
            sum += Math.log1p(Math.exp(-ex.y * score(ex)));
        }
        out.value().set(0, poison ? Float.NaN : (float) (sum / batch.size()));
        return out;
    }

    /** Linearly separable-ish data: y = sign(u·x + Σ v[id]) with 5% label noise. */
    static List<Example> data(int count, int dim, int ids, long seed) {
        var random = new SplittableRandom(seed);
        float[] u = new float[dim];
        for (int i = 0; i < dim; i++) {
            u[i] = (float) random.nextGaussian();
        }
        float[] v = new float[ids];
        for (int i = 0; i < ids; i++) {
            v[i] = (float) random.nextGaussian();
        }
        List<Example> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] x = new float[dim];
            float s = 0;
            for (int i = 0; i < dim; i++) {
                x[i] = (float) random.nextGaussian();
                s += u[i] * x[i];
            }
            int[] chosen = {random.nextInt(ids), random.nextInt(ids)};
            for (int id : chosen) {
                s += v[id];
            }
            float y = s > 0 ? 1 : -1;
            if (random.nextDouble() < 0.05) {
                y = -y;
            }
            out.add(new Example(x, chosen, y));
        }
        return out;
    }
}
