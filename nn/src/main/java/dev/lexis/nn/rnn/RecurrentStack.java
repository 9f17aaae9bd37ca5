package dev.lexis.nn.rnn;

import dev.lexis.nn.Ops;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Stacked recurrent layers (uni- or bidirectional) with dropout between them: the encoder of taggers and
 * sequence classifiers. Layer l reads the output of layer l − 1 (after dropout). Parameter names are
 * {@code prefix.l0.fw.weight}, {@code prefix.l0.bw.bias}, …; immutable apart from the parameter values.
 */
public final class RecurrentStack {
    private final RecurrentConfig config;
    private final List<RecurrentLayer> forwardLayers;
    private final List<RecurrentLayer> backwardLayers;

    private RecurrentStack(RecurrentConfig config, List<RecurrentLayer> forwardLayers,
                           List<RecurrentLayer> backwardLayers) {
        this.config = config;
        this.forwardLayers = List.copyOf(forwardLayers);
        this.backwardLayers = List.copyOf(backwardLayers);
    }

    /** New, randomly initialised layers (see {@link RecurrentLayer#create}). */
    public static RecurrentStack create(String prefix, RecurrentConfig config, SplittableRandom random) {
        List<RecurrentLayer> fw = new ArrayList<>();
        List<RecurrentLayer> bw = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            int in = l == 0 ? config.inputSize() : config.outputSize();
            fw.add(RecurrentLayer.create(prefix + ".l" + l + ".fw", config.cell(), in, config.hiddenSize(), random));
            if (config.bidirectional()) {
                bw.add(RecurrentLayer.create(prefix + ".l" + l + ".bw", config.cell(), in, config.hiddenSize(), random));
            }
        }
        return new RecurrentStack(config, fw, bw);
    }

    /**
     * The stack over parameters found by name (e.g. in a model file), as named by {@link #create}.
     *
     * @param parameters looks a parameter up by its full name; throws if absent
     */
    public static RecurrentStack of(String prefix, RecurrentConfig config, Function<String, Parameter> parameters) {
        List<RecurrentLayer> fw = new ArrayList<>();
        List<RecurrentLayer> bw = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            fw.add(layer(prefix + ".l" + l + ".fw", config, parameters));
            if (config.bidirectional()) {
                bw.add(layer(prefix + ".l" + l + ".bw", config, parameters));
            }
        }
        return new RecurrentStack(config, fw, bw);
    }

    private static RecurrentLayer layer(String name, RecurrentConfig config, Function<String, Parameter> parameters) {
        Parameter hb = config.cell() == CellKind.GRU ? parameters.apply(name + ".hidden_bias") : null;
        return RecurrentLayer.of(config.cell(), parameters.apply(name + ".weight"), parameters.apply(name + ".bias"), hb);
    }

    public RecurrentConfig config() {
        return config;
    }

    /** The forward-reading layer of each level, bottom first. */
    public List<RecurrentLayer> forwardLayers() {
        return forwardLayers;
    }

    /** The backward-reading layer of each level (empty when unidirectional). */
    public List<RecurrentLayer> backwardLayers() {
        return backwardLayers;
    }

    /** All parameters, bottom layer first, forward before backward. */
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>();
        for (int l = 0; l < forwardLayers.size(); l++) {
            list.addAll(forwardLayers.get(l).parameters());
            if (config.bidirectional()) {
                list.addAll(backwardLayers.get(l).parameters());
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Runs every layer over a time-major batch (see {@link RecurrentLayer#forward}).
     *
     * @param input   (T · batch, inputSize)
     * @param lengths non-increasing lengths of the batch's sequences
     * @return (T · batch, {@link RecurrentConfig#outputSize()}), zero past each sequence's end
     */
    public Var forward(Var input, int batch, int[] lengths) {
        Var x = input;
        for (int l = 0; l < forwardLayers.size(); l++) {
            if (l > 0) {
                x = Ops.dropout(x, config.dropout());
            }
            Var f = forwardLayers.get(l).forward(x, batch, lengths, false, config.bpttLimit());
            x = config.bidirectional()
                    ? Ops.concat(f, backwardLayers.get(l).forward(x, batch, lengths, true, config.bpttLimit()))
                    : f;
        }
        return x;
    }

    /** Parameters by name, for {@link #of}. */
    public static Function<String, Parameter> lookup(Map<String, Parameter> byName) {
        return name -> {
            Parameter p = byName.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no parameter \"" + name + "\" (have " + byName.keySet() + ")");
            }
            return p;
        };
    }
}
