package dev.lexis.sequence;

import dev.lexis.nn.Ops;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.rnn.RecurrentConfig;
import dev.lexis.nn.rnn.RecurrentStack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The tagger's network: embeddings (word; optionally case shape and suffix, and the mean of character n-gram
 * vectors) → dropout → recurrent stack →
 * dropout → dense → logits per token. Parameters: {@code embedding}, {@code case_embedding},
 * {@code suffix_embedding}, {@code subword_embedding}, {@code rnn.l0.fw.weight} …, {@code output.weight}, {@code output.bias}.
 */
final class TaggerNetwork {
    static final int CASE_DIM = 8;
    static final int SUFFIX_DIM = 16;
    static final int COLUMN_DIM = 16;

    final TaggerConfig config;
    final Parameter embedding;
    final Parameter caseEmbedding;
    final Parameter suffixEmbedding;
    final Parameter subwordEmbedding;
    final Parameter columnEmbedding;
    final RecurrentStack stack;
    final Parameter outputWeight;
    final Parameter outputBias;
    private final List<Parameter> parameters;

    private TaggerNetwork(TaggerConfig config, Parameter embedding, Parameter caseEmbedding, Parameter suffixEmbedding,
                          Parameter subwordEmbedding, Parameter columnEmbedding, RecurrentStack stack,
                          Parameter outputWeight, Parameter outputBias) {
        this.config = config;
        this.embedding = embedding;
        this.caseEmbedding = caseEmbedding;
        this.suffixEmbedding = suffixEmbedding;
        this.subwordEmbedding = subwordEmbedding;
        this.columnEmbedding = columnEmbedding;
        this.stack = stack;
        this.outputWeight = outputWeight;
        this.outputBias = outputBias;
        List<Parameter> all = new ArrayList<>();
        all.add(embedding);
        if (caseEmbedding != null) {
            all.add(caseEmbedding);
            all.add(suffixEmbedding);
        }
        if (subwordEmbedding != null) {
            all.add(subwordEmbedding);
        }
        if (columnEmbedding != null) {
            all.add(columnEmbedding);
        }
        all.addAll(stack.parameters());
        all.add(outputWeight);
        all.add(outputBias);
        this.parameters = Collections.unmodifiableList(all);
    }

    static int inputSize(TaggerConfig config) {
        return config.embeddingDim() + (config.features() ? CASE_DIM + SUFFIX_DIM : 0) + config.subwordDim()
                + (config.inputColumn() != 0 ? COLUMN_DIM : 0);
    }

    static RecurrentConfig recurrentConfig(TaggerConfig config) {
        return new RecurrentConfig(config.cell(), inputSize(config), config.hiddenSize(), config.layers(),
                config.bidirectional(), config.dropout(), config.bpttLimit());
    }

    /** A new network: embeddings uniform on ±0.1, recurrent layers as {@code RecurrentLayer.create}, dense Xavier-uniform. */
    static TaggerNetwork create(TaggerConfig config, int vocabularySize, int suffixCount, int columnValueCount,
                                int tagCount, SplittableRandom random) {
        Parameter emb = Parameter.sparseRows("embedding", uniform(random, 0.1f, vocabularySize, config.embeddingDim()));
        Parameter caseEmb = null;
        Parameter suffixEmb = null;
        if (config.features()) {
            caseEmb = Parameter.sparseRows("case_embedding", uniform(random, 0.1f, TokenEncoder.CASE_SHAPES, CASE_DIM));
            suffixEmb = Parameter.sparseRows("suffix_embedding", uniform(random, 0.1f, suffixCount, SUFFIX_DIM));
        }
        Parameter subwordEmb = config.subwordDim() == 0 ? null : Parameter.sparseRows("subword_embedding",
                uniform(random, 0.1f, TaggerConfig.SUBWORD_BUCKETS, config.subwordDim()));
        Parameter columnEmb = config.inputColumn() == 0 ? null : Parameter.sparseRows("column_embedding",
                uniform(random, 0.1f, columnValueCount, COLUMN_DIM));
        RecurrentConfig rc = recurrentConfig(config);
        RecurrentStack stack = RecurrentStack.create("rnn", rc, random);
        float bound = (float) Math.sqrt(6.0 / (rc.outputSize() + tagCount));
        Parameter w = Parameter.dense("output.weight", uniform(random, bound, rc.outputSize(), tagCount));
        Parameter b = Parameter.dense("output.bias", Tensor.zeros(tagCount));
        return new TaggerNetwork(config, emb, caseEmb, suffixEmb, subwordEmb, columnEmb, stack, w, b);
    }

    /** The network over loaded tensors, by name. */
    static TaggerNetwork of(TaggerConfig config, Map<String, Tensor> tensors) {
        Map<String, Parameter> byName = new HashMap<>();
        tensors.forEach((name, t) -> byName.put(name, name.endsWith("embedding")
                ? Parameter.sparseRows(name, t) : Parameter.dense(name, t)));
        var lookup = RecurrentStack.lookup(byName);
        Parameter caseEmb = config.features() ? lookup.apply("case_embedding") : null;
        Parameter suffixEmb = config.features() ? lookup.apply("suffix_embedding") : null;
        Parameter subwordEmb = config.subwordDim() > 0 ? lookup.apply("subword_embedding") : null;
        Parameter columnEmb = config.inputColumn() != 0 ? lookup.apply("column_embedding") : null;
        return new TaggerNetwork(config, lookup.apply("embedding"), caseEmb, suffixEmb, subwordEmb, columnEmb,
                RecurrentStack.of("rnn", recurrentConfig(config), lookup), lookup.apply("output.weight"),
                lookup.apply("output.bias"));
    }

    private static Tensor uniform(SplittableRandom random, float bound, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return t;
    }

    List<Parameter> parameters() {
        return parameters;
    }

    int tagCount() {
        return outputBias.value().size();
    }

    /** Logits (steps · batch, tags), time-major like the batch. */
    Var logits(Tape tape, SentenceBatch b) {
        int rows = b.batch * b.steps;
        Var x = Ops.embedding(tape.param(embedding), b.words, rows, 0);
        if (caseEmbedding != null) {
            x = Ops.concat(x, Ops.embedding(tape.param(caseEmbedding), b.cases, rows, 0),
                    Ops.embedding(tape.param(suffixEmbedding), b.suffixes, rows, 0));
        }
        if (columnEmbedding != null) {
            x = Ops.concat(x, Ops.embedding(tape.param(columnEmbedding), b.columns, rows, 0));
        }
        if (subwordEmbedding != null) {
            x = Ops.concat(x, Ops.embeddingBag(tape.param(subwordEmbedding), b.subwordOffsets, b.subwordIds,
                    b.subwordWeights, rows));
        }
        x = Ops.dropout(x, config.dropout());
        Var h = stack.forward(x, b.batch, b.lengths);
        h = Ops.dropout(h, config.dropout());
        return Ops.linear(h, tape.param(outputWeight), tape.param(outputBias));
    }
}
