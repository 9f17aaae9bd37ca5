package dev.lexis.cli.sequence;

import dev.lexis.cli.Subcommand;
import dev.lexis.corpora.ConllCorpus;
import dev.lexis.corpora.ConllOptions;
import dev.lexis.corpora.ConllSentence;
import dev.lexis.sequence.TagEvaluation;
import dev.lexis.sequence.Tagger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;

/** {@code lexis tag test}: scores a tagger on gold-tagged CoNLL columns. */
@Command(name = "test",
        description = {"Tags a CoNLL column file with a model and compares with its gold tags: conlleval's report "
                + "(chunk precision / recall / F1 per type) when the tags are chunks, then the last line: "
                + "accuracy=... f1=... tokens=N.",
                "Tags never seen in training count as errors (a note names them).",
                "Example: lexis tag test --model chunker.lexis --data conll2000/test.txt --tag-column 2"})
public final class TagTestCommand extends Subcommand {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Tagger model file.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Gold-tagged sentences (CoNLL columns).")
    Path data;

    @Option(names = "--token-column", defaultValue = "0", paramLabel = "I", description = "Token column (default: ${DEFAULT-VALUE}).")
    int tokenColumn;

    @Option(names = "--tag-column", defaultValue = "-1", paramLabel = "I", description = "Gold tag column (default: ${DEFAULT-VALUE}, the last).")
    int tagColumn;

    @Override
    public Integer call() throws Exception {
        Tagger tagger = Tagger.load(model);
        List<ConllSentence> gold = read(data, ConllOptions.defaults().withTokenColumn(tokenColumn).withTagColumn(tagColumn));
        TagEvaluation e = tagger.evaluate(gold);
        if (e.unseenTagTokens() > 0) {
            note(String.format(Locale.ROOT, "%d token(s) carry tags never seen in training %s; they count as errors",
                    e.unseenTagTokens(), e.unseenTags()));
        }
        if (e.spans().goldChunks() > 0) {
            out().print(e.spans().report());
        }
        out().println(e.summaryLine());
        return 0;
    }

    /** All sentences of a CoNLL file; an empty or blank-only file is an error naming it. */
    static List<ConllSentence> read(Path file, ConllOptions options) throws IOException {
        List<ConllSentence> sentences = ConllCorpus.of(file, options).readAll();
        if (sentences.isEmpty()) {
            throw new IOException(file + ": no sentences (the file is empty or has only blank lines)");
        }
        return sentences;
    }
}
