package dev.lexis.nn.layers;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Var;
import java.util.ArrayList;
import java.util.List;

/** Layers applied one after the other. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<? extends Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    @Override
    public Var forward(Var x) {
        Var v = x;
        for (Layer layer : layers) {
            v = layer.forward(v);
        }
        return v;
    }

    /** The output of every layer, in order (the last is {@link #forward}'s result), e.g. for auxiliary heads. */
    public List<Var> forwardAll(Var x) {
        List<Var> outs = new ArrayList<>(layers.size());
        Var v = x;
        for (Layer layer : layers) {
            v = layer.forward(v);
            outs.add(v);
        }
        return outs;
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer layer : layers) {
            ps.addAll(layer.parameters());
        }
        return ps;
    }
}
