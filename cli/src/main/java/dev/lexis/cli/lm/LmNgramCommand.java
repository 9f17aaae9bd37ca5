package dev.lexis.cli.lm;

import dev.lexis.cli.Subcommand;
import dev.lexis.lm.KneserNeyModel;
import java.nio.file.Path;
import java.util.Locale;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/** {@code lexis lm ngram}: builds the interpolated modified Kneser-Ney baseline. */
@Command(name = "ngram",
        description = {"Builds an interpolated modified Kneser-Ney n-gram model (Chen and Goodman 1998) with the same "
                + "vocabulary and <unk> handling as lm train, so their perplexities compare.",
                "Prints: kneser-ney order=N vocab=V ngrams=G discounts(N)=D1,D2,D3+ model=FILE",
                "Example: lexis lm ngram --train brown/train.txt --output brown.kn5 --order 5"})
public final class LmNgramCommand extends Subcommand {

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training text, one tokenized sentence per line.")
    Path train;

    @Option(names = "--output", required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path output;

    @Option(names = "--order", defaultValue = "5", paramLabel = "N", description = "n, 2 to 5 (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--min-count", defaultValue = "4", paramLabel = "N", description = "Words seen fewer times become <unk> (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-vocab", defaultValue = "0", paramLabel = "N", description = "Vocabulary size limit, 0 = none (default: ${DEFAULT-VALUE}).")
    int maxVocab;

    @Override
    public Integer call() throws Exception {
        if (order < 2 || order > 5) {
            throw new UsageException("--order must be 2 to 5, got " + order);
        }
        if (minCount < 1) {
            throw new UsageException("--min-count must be >= 1, got " + minCount);
        }
        KneserNeyModel model = KneserNeyModel.train(train, order, minCount, maxVocab);
        model.save(output);
        double[] d = model.discountsOfOrder(order);
        out().println(String.format(Locale.ROOT, "kneser-ney order=%d vocab=%d ngrams=%d discounts(%d)=%.3f,%.3f,%.3f model=%s",
                order, model.vocabulary().size(), model.gramCount(), order, d[0], d[1], d[2], output));
        return 0;
    }
}
