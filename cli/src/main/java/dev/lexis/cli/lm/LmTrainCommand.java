package dev.lexis.cli.lm;

import dev.lexis.cli.Subcommand;
import dev.lexis.lm.NeuralLanguageModel;
import dev.lexis.lm.NnlmConfig;
import dev.lexis.lm.NnlmTrainer;
import java.nio.file.Path;
import java.util.Locale;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/** {@code lexis lm train}: trains an NNLM. */
@Command(name = "train",
        description = {"Trains a neural network language model (Bengio et al. 2003): the embeddings of the n-1 previous "
                + "words, concatenated, a tanh hidden layer, a softmax (or hierarchical softmax) over the vocabulary.",
                "Progress goes to stderr; the last line on stdout is: valid_perplexity=... epochs=... words_per_s=... "
                        + "vocab=... model=FILE.",
                "Example: lexis lm train --train brown/train.txt --valid brown/valid.txt --output brown.nnlm --epochs 5"})
public final class LmTrainCommand extends Subcommand {

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training text, one tokenized sentence per line.")
    Path train;

    @Option(names = "--valid", required = true, paramLabel = "FILE", description = "Validation text (early stopping, rate halving).")
    Path valid;

    @Option(names = "--output", required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path output;

    @Option(names = "--order", defaultValue = "5", paramLabel = "N", description = "n: the model sees n-1 previous words (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--dim", defaultValue = "60", paramLabel = "M", description = "Word feature vector size m (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--hidden", defaultValue = "100", paramLabel = "H", description = "Hidden tanh units h (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--direct", description = "Add the direct connections W from the embeddings to the output.")
    boolean direct;

    @Option(names = "--output-layer", defaultValue = "softmax", paramLabel = "softmax|hs", description = "Full softmax or hierarchical softmax over a Huffman tree (default: ${DEFAULT-VALUE}).")
    String outputLayer;

    @Option(names = "--min-count", defaultValue = "4", paramLabel = "N", description = "Words seen fewer times become <unk> (default: ${DEFAULT-VALUE}, as the paper).")
    int minCount;

    @Option(names = "--max-vocab", defaultValue = "0", paramLabel = "N", description = "Vocabulary size limit, 0 = none (default: ${DEFAULT-VALUE}).")
    int maxVocab;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N", description = "Maximum passes over the training text (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "B", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "sgd|adam", description = "Optimizer (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0", paramLabel = "RATE", description = "Initial learning rate; 0 = 0.1 for sgd, 0.001 for adam.")
    double lr;

    @Option(names = "--lr-decay", defaultValue = "0", paramLabel = "R", description = "The paper's schedule lr/(1 + R t), t = updates (default: ${DEFAULT-VALUE}).")
    double lrDecay;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "L", description = "L2 penalty on weights and embeddings (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--dropout", defaultValue = "0", paramLabel = "P", description = "Dropout rate on the concatenated embeddings and the hidden units during training, 0 = none (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--fofe", defaultValue = "0", paramLabel = "ALPHA", description = "Add a FOFE input (Zhang et al. 2015; beyond Bengio et al.): the sum of the previous words' embeddings weighted ALPHA^k by distance k, beside the n-1 concatenated ones; 0 = off, the plain model (default: ${DEFAULT-VALUE}). 0.95 met the README's Brown targets.")
    double fofe;

    @Option(names = "--fofe-window", defaultValue = "0", paramLabel = "K", description = "Previous words in the FOFE sum, 0 = until ALPHA^K < 0.001 (20 words for 0.7) (default: ${DEFAULT-VALUE}).")
    int fofeWindow;

    @Option(names = "--patience", defaultValue = "2", paramLabel = "N", description = "Stop after N epochs without a better validation perplexity (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores; 1 = reproducible).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Checkpoint written after each epoch and every --checkpoint-every updates (default: MODEL.ckpt).")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "2000", paramLabel = "N", description = "Also write the checkpoint every N updates within an epoch, 0 = only after epochs (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue a run from its checkpoint.")
    Path resume;

    @Override
    public Integer call() throws Exception {
        NnlmConfig config;
        try {
            config = NnlmConfig.defaults().withContextSize(order - 1).withEmbeddingDim(dim).withHiddenSize(hidden)
                    .withDirect(direct).withOutputLayer(NnlmConfig.OutputLayer.parse(outputLayer))
                    .withMinCount(minCount).withMaxVocab(maxVocab).withEpochs(epochs).withBatchSize(batch)
                    .withOptimizer(NnlmConfig.Optimizer.parse(optimizer)).withLearningRate(lr)
                    .withLearningRateDecay(lrDecay).withWeightDecay(weightDecay).withDropout(dropout).withPatience(patience)
                    .withSeed(seed).withFofe(fofe).withFofeWindow(fofeWindow);
            if (threads != null) {
                config = config.withThreads(threads);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage()
                    .replace("contextSize must be 1 to 16, got " + (order - 1), "--order must be 2 to 17, got " + order)
                    .replace("dropout must", "--dropout must")
                    .replace("fofeWindow must", "--fofe-window must")
                    .replace("fofe must", "--fofe must"));
        }
        Path ckpt = checkpoint != null ? checkpoint : Path.of(output + ".ckpt");
        NnlmTrainer trainer;
        try {
            trainer = new NnlmTrainer(config).checkpointTo(ckpt).checkpointEvery(checkpointEvery);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        if (resume != null) {
            trainer = trainer.resumeFrom(resume);
        }
        if (resume != null) {
            note("resuming " + resume + ": its model, optimizer, rate and dropout settings apply; --epochs "
                    + epochs + ", --threads and --patience from this command; checkpoint " + ckpt);
        } else {
            note(String.format(Locale.ROOT, "n=%d m=%d h=%d%s%s %s, %s, batch %d, dropout %s, %d thread(s), checkpoint %s",
                    order, dim, hidden, direct ? " direct" : "",
                    config.hasFofe() ? " fofe " + fofe + " (K " + config.effectiveFofeWindow() + ")" : "",
                    config.outputLayer().key(),
                    config.optimizer().name().toLowerCase(Locale.ROOT), batch, dropout, config.threads(), ckpt));
        }
        NeuralLanguageModel model = trainer.train(train, valid, p -> note(p.toString()));
        model.save(output);
        out().println(String.format(Locale.ROOT, "valid_perplexity=%s epochs=%s words_per_s=%.0f vocab=%d model=%s",
                model.provenance().get("model.valid_perplexity"), model.provenance().get("model.epochs_run"),
                Double.parseDouble(model.provenance().get("model.train_words_per_second")),
                model.vocabulary().size(), output));
        return 0;
    }
}
