package dev.lexis.nn.layers;

import dev.lexis.nn.Ops;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.init.Initializer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A lookup table (vocabSize, dim) named {@code name + ".weight"}, a sparse-row parameter: a step's gradient
 * covers only the rows looked up. Ids are int arrays, not Vars; a negative id is padding (a zero row).
 */
public final class Embedding {
    private final Parameter table;

    /** An embedding over an already-initialized (vocabSize, dim) tensor (not copied). */
    public Embedding(String name, Tensor table) {
        this.table = Parameter.sparseRows(name + ".weight", table);
    }

    /** A new table drawn uniformly from (−0.25, 0.25), as Kim (2014) initializes unknown words. */
    public static Embedding create(String name, int vocabSize, int dim, SplittableRandom random) {
        if (vocabSize < 1 || dim < 1) {
            throw new IllegalArgumentException(name + ": vocabSize and dim must be >= 1, got " + vocabSize + ", " + dim);
        }
        Tensor t = Tensor.zeros(vocabSize, dim);
        Initializer.uniform(0.25f).fill(t, random);
        return new Embedding(name, t);
    }

    /** Rows {@code ids} → (ids.length, dim). */
    public Var forward(Tape tape, int[] ids) {
        return Ops.embedding(tape.param(table), ids);
    }

    /** A (batch, time) block of ids, row-major → (batch, time, dim). */
    public Var forward(Tape tape, int[] ids, int batch, int time) {
        return Ops.embedding(tape.param(table), ids, batch, time);
    }

    public Parameter table() {
        return table;
    }

    public int vocabSize() {
        return table.value().dim(0);
    }

    public int dim() {
        return table.value().dim(1);
    }

    public List<Parameter> parameters() {
        return List.of(table);
    }
}
