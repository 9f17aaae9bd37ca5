package dev.lexis.cli.sequence;

import dev.lexis.cli.Subcommand;
import dev.lexis.corpora.ConllCorpus;
import dev.lexis.corpora.ConllOptions;
import dev.lexis.corpora.ConllSentence;
import dev.lexis.nn.rnn.CellKind;
import dev.lexis.sequence.TagEvaluation;
import dev.lexis.sequence.Tagger;
import dev.lexis.sequence.TaggerConfig;
import dev.lexis.sequence.TaggerListener;
import dev.lexis.sequence.TaggerTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/** {@code lexis tag train}: trains a tagger on CoNLL column files. */
@Command(name = "train",
        description = {"Trains a tagger on CoNLL columns (one 'token ... tag' row per line, a blank line between sentences).",
                "Progress goes to stderr, one line per epoch; the last line on stdout is: "
                        + "accuracy=... f1=... tokens=N model=FILE (scores on --dev; without --dev, on --train).",
                "Example: lexis tag train --train conll2000/train.txt --dev conll2000/test.txt --tag-column 2 "
                        + "--output chunker.lexis --bidirectional"})
public final class TagTrainCommand extends Subcommand {

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training sentences (CoNLL columns).")
    Path train;

    @Option(names = "--dev", paramLabel = "FILE", description = "Dev sentences: early stopping, the best epoch is kept.")
    Path dev;

    @Option(names = "--output", required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path output;

    @Option(names = "--cell", defaultValue = "lstm", paramLabel = "lstm|gru|rnn", description = "Recurrent cell (default: ${DEFAULT-VALUE}).")
    String cell;

    @Option(names = "--bidirectional", description = "Read each sentence in both directions.")
    boolean bidirectional;

    @Option(names = "--layers", defaultValue = "1", paramLabel = "N", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "100", paramLabel = "H", description = "Hidden units per direction (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dim", defaultValue = "100", paramLabel = "D", description = "Word embedding size; with --embeddings, the file's (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--embeddings", paramLabel = "VECTORS", description = "Pre-trained word vectors (word2vec text or .bin format) to start from.")
    Path embeddings;

    @Option(names = "--freeze-embeddings", description = "Keep the pre-trained vectors fixed.")
    boolean freeze;

    @Option(names = "--features", description = "Also embed each word's letter case and 3-letter suffix.")
    boolean features;

    @Option(names = "--lowercase", description = "Look words up in lower case.")
    boolean lowercase;

    @Option(names = "--dropout", defaultValue = "0", paramLabel = "P", description = "Dropout on embeddings, between layers and before the output (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--word-dropout", defaultValue = "0", paramLabel = "P", description = "Replace words seen once by <unk> with this probability (default: ${DEFAULT-VALUE}).")
    float wordDropout;

    @Option(names = "--token-column", defaultValue = "0", paramLabel = "I", description = "Token column, 0-based; negative counts from the end (default: ${DEFAULT-VALUE}).")
    int tokenColumn;

    @Option(names = "--tag-column", defaultValue = "-1", paramLabel = "I", description = "Tag column, 0-based; negative counts from the end (default: ${DEFAULT-VALUE}, the last).")
    int tagColumn;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N", description = "Maximum passes over the training data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "3", paramLabel = "N", description = "Stop after N epochs without a better dev score, 0 = never (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "B", description = "Sentences per mini-batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", paramLabel = "RATE", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--clip", defaultValue = "5", paramLabel = "NORM", description = "Clip the global gradient norm, 0 = off (default: ${DEFAULT-VALUE}).")
    float clip;

    @Option(names = "--bptt", defaultValue = "0", paramLabel = "K", description = "Truncated backpropagation through time in chunks of K steps, 0 = full (default: ${DEFAULT-VALUE}).")
    int bptt;

    @Option(names = "--threads", paramLabel = "N", description = "Data-parallel worker threads (default: 2, or fewer cores).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Write a training checkpoint here after each epoch.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue from a checkpoint written by --checkpoint "
            + "(same data and options; --epochs, --patience and --threads may change).")
    Path resume;

    @Option(names = "--input-column", defaultValue = "0", paramLabel = "I", description = "A column read as a second input "
            + "beside the token, e.g. 1 = the POS tags of CoNLL-2000 for chunking; 0 = none (default: ${DEFAULT-VALUE}). "
            + "The model then tags CoNLL files (tag test), not bare text.")
    int inputColumn;

    @Option(names = "--subwords", defaultValue = "0", paramLabel = "D", description = "Add the mean of D-dimensional vectors "
            + "of the word's character 2- to 4-grams (hashed, as fastText's subwords), 0 = off (default: ${DEFAULT-VALUE}).")
    int subwords;

    @Override
    public Integer call() throws Exception {
        TaggerConfig config;
        try {
            config = TaggerConfig.defaults().withCell(CellKind.parse(cell)).withBidirectional(bidirectional)
                    .withLayers(layers).withHiddenSize(hidden).withEmbeddingDim(dim).withFeatures(features)
                    .withLowercase(lowercase).withDropout(dropout).withWordDropout(wordDropout).withEpochs(epochs)
                    .withPatience(patience).withBatchSize(batch).withLearningRate(lr).withClipNorm(clip)
                    .withBpttLimit(bptt).withSeed(seed)
                    .withThreads(threads != null ? threads : Math.min(2, Runtime.getRuntime().availableProcessors()))
                    .withEmbeddings(embeddings == null ? "" : embeddings.toString()).withFreezeEmbeddings(freeze)
                    .withSubwordDim(subwords).withInputColumn(inputColumn);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ConllOptions options = ConllOptions.defaults().withTokenColumn(tokenColumn).withTagColumn(tagColumn);
        List<ConllSentence> trainData = TagTestCommand.read(train, options);
        List<ConllSentence> devData = dev == null ? List.of() : TagTestCommand.read(dev, options);
        TaggerTrainer trainer = new TaggerTrainer(config).listener(new TaggerListener() {
            @Override
            public void onEpoch(EpochReport report) {
                note(report.toString());
            }

            @Override
            public void onMessage(String message) {
                note(message);
            }
        });
        if (checkpoint != null) {
            trainer.checkpointTo(checkpoint);
        }
        if (resume != null) {
            trainer.resumeFrom(resume);
        }
        Tagger tagger = trainer.train(trainData, devData);
        tagger.save(output);
        TagEvaluation e = tagger.evaluate(devData.isEmpty() ? trainData : devData);
        out().println(String.format(Locale.ROOT, "%s tokens_per_s=%s model=%s", e.summaryLine(),
                tagger.provenance().get("trainTokensPerSecond"), output));
        return 0;
    }
}
