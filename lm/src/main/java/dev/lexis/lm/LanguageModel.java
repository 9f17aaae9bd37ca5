package dev.lexis.lm;

import dev.lexis.nn.io.ModelFile;
import dev.lexis.nn.io.ModelFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model of p(w_t | w_{t-n+1} … w_{t-1}) over an {@link LmVocabulary}: the NNLM ({@link NeuralLanguageModel}),
 * the Kneser-Ney baseline ({@link KneserNeyModel}) or their mixture ({@link InterpolatedModel}).
 *
 * <p>All share the stream conventions of {@link LmVocabulary}: a text is one stream of ids, each sentence
 * followed by {@code </s>}, and the context before the first token is {@code </s>} padding. Implementations
 * are immutable and thread-safe.
 */
public sealed interface LanguageModel permits NeuralLanguageModel, KneserNeyModel, InterpolatedModel {

    /** The symbols this model predicts. */
    LmVocabulary vocabulary();

    /** The n of the n-gram: the model conditions on {@code order() - 1} previous tokens. */
    int order();

    /**
     * How many previous tokens the model can read: {@code order() - 1}, more for an NNLM with a FOFE input
     * ({@link NnlmConfig#historySize()}). A caller that trims a context keeps at least this many ids.
     */
    default int historySize() {
        return order() - 1;
    }

    /**
     * The natural-log probability of each token of a stream given the tokens before it (at most
     * {@link #historySize()} of them; positions before the start are {@code </s>}).
     *
     * @param ids vocabulary ids, each in [0, vocabulary().size())
     * @return an array as long as {@code ids}
     * @throws IllegalArgumentException if an id is out of range
     */
    double[] logProbabilities(int[] ids);

    /**
     * The probability distribution of the next token after {@code context} (the last {@link #historySize()}
     * ids are used; fewer are padded with {@code </s>} on the left).
     *
     * @return {@code vocabulary().size()} probabilities that sum to 1 (within rounding)
     */
    double[] nextDistribution(int[] context);

    /**
     * The natural-log probability of a sentence (whitespace tokens, unknown words as {@code <unk>}) and of
     * the {@code </s>} after it, starting from a sentence boundary.
     */
    default double sentenceLogProbability(String sentence) {
        int[] ids = vocabulary().encodeSentence(sentence, true).ids();
        double sum = 0;
        for (double lp : logProbabilities(ids)) {
            sum += lp;
        }
        return sum;
    }

    /** Writes the model to a Lexis model file (see {@link ModelFile}); atomic. */
    void save(Path file) throws IOException;

    /**
     * Reads an NNLM ({@code nnlm}) or Kneser-Ney ({@code kneser-ney}) model file.
     *
     * @throws ModelFileException if the file is not a Lexis model file, is damaged, or holds another kind of
     *                            model ("m.lexis: is a textcnn model, expected a language model (nnlm or
     *                            kneser-ney)")
     * @throws IOException        if it cannot be read
     */
    static LanguageModel load(Path file) throws IOException {
        ModelFile model = ModelFile.load(file);
        return switch (model.kind()) {
            case NeuralLanguageModel.KIND -> NeuralLanguageModel.fromModelFile(model);
            case KneserNeyModel.KIND -> KneserNeyModel.fromModelFile(model);
            default -> throw LmFiles.wrongKind(file, model.kind());
        };
    }
}
