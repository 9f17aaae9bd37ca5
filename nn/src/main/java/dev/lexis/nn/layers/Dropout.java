package dev.lexis.nn.layers;

import dev.lexis.nn.Ops;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Var;
import java.util.List;

/** Inverted dropout with a fixed rate (see {@link Ops#dropout(Var, float)}); the identity in evaluation mode. */
public final class Dropout implements Layer {
    private final float rate;

    public Dropout(float rate) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    public float rate() {
        return rate;
    }

    @Override
    public Var forward(Var x) {
        return Ops.dropout(x, rate);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
