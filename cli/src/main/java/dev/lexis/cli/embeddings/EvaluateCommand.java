package dev.lexis.cli.embeddings;

import dev.lexis.cli.Subcommand;
import dev.lexis.embeddings.AnalogyEvaluation;
import dev.lexis.embeddings.SimilarityEvaluation;
import dev.lexis.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/** {@code lexis evaluate}: analogy accuracy and word-pair similarity of vectors. */
@Command(name = "evaluate",
        description = {"Scores vectors on analogy questions (questions-words format: one line per section, then "
                + "analogy_acc=... sem=... syn=... seen=N/M) and on word-pair similarities (spearman=... pairs=N oov=K).",
                "As the word2vec C tool's compute-accuracy: only the --restrict most frequent words answer analogies, "
                        + "questions outside them are skipped; word pairs use the 300,000 most frequent words (as "
                        + "gensim); words are compared case-insensitively.",
                "Example: lexis evaluate --vectors vectors.bin --analogies questions-words.txt --similarity wordsim353.tsv"})
public final class EvaluateCommand extends Subcommand {

    @Option(names = "--vectors", required = true, paramLabel = "FILE", description = "Vectors (.bin, .txt, .vec).")
    Path vectorsFile;

    @Option(names = "--analogies", paramLabel = "FILE", description = "Analogy questions (questions-words.txt).")
    Path analogies;

    @Option(names = "--similarity", paramLabel = "FILE", description = "Word pairs with scores (word1 TAB word2 TAB score).")
    Path similarity;

    @Option(names = "--restrict", paramLabel = "N", defaultValue = "30000",
            description = "Use the N most frequent words (default: ${DEFAULT-VALUE}).")
    int restrict;

    @Override
    public Integer call() throws IOException {
        if (analogies == null && similarity == null) {
            throw new UsageException("give --analogies FILE and/or --similarity FILE");
        }
        if (restrict < 1) {
            throw new UsageException("--restrict must be >= 1, got " + restrict);
        }
        WordVectors v = WordVectors.load(vectorsFile);
        if (analogies != null) {
            AnalogyEvaluation.Result r = AnalogyEvaluation.evaluate(v, analogies, restrict);
            for (AnalogyEvaluation.Section s : r.sections()) {
                out().println(s);
            }
            out().println(r.summary());
        }
        if (similarity != null) {
            // like gensim's evaluate_word_pairs: the 300,000 most frequent words (or --restrict if larger)
            out().println(SimilarityEvaluation.evaluate(v, similarity, Math.max(restrict, 300_000)).summary());
        }
        return 0;
    }
}
