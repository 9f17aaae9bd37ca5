package dev.lexis.nn.layers;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Var;
import java.util.List;

/**
 * A differentiable function with parameters: {@link #forward(Var)} records its ops on the input's tape (reading
 * its parameters with {@code tape.param}), so backward and gradients come from the {@link dev.lexis.nn.Tape}.
 * Layers hold parameters but no per-call state, so one layer serves many tapes (threads) at once.
 */
public interface Layer {
    /** Applies the layer to x (shapes in each implementation's documentation). */
    Var forward(Var x);

    /** The parameters, each with a stable name (the key in model files, e.g. {@code "dense0.weight"}). */
    List<Parameter> parameters();
}
