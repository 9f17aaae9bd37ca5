package dev.lexis.nn.layers;

import dev.lexis.nn.Ops;
import dev.lexis.nn.Ops.Activation;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Var;
import java.util.List;

/**
 * A residual block f(x + g(x)) (He et al. 2016): the identity path carries the gradient past g unchanged,
 * which is what keeps deep stacks trainable. g must keep the shape of x.
 */
public final class ResidualBlock implements Layer {
    private final Layer inner;
    private final Activation after;

    /** x + inner(x), then {@code after} (IDENTITY for none). */
    public ResidualBlock(Layer inner, Activation after) {
        this.inner = inner;
        this.after = after;
    }

    @Override
    public Var forward(Var x) {
        Var fx = inner.forward(x);
        if (fx.size() != x.size()) {
            throw new IllegalArgumentException("residual block: the inner layer changed the size from " + x.size()
                    + " to " + fx.size());
        }
        return after.apply(Ops.residual(x, fx));
    }

    public Layer inner() {
        return inner;
    }

    @Override
    public List<Parameter> parameters() {
        return inner.parameters();
    }
}
