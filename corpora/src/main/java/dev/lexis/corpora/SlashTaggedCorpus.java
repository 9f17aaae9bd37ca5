package dev.lexis.corpora;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tagged sentences written one per line as {@code word/tag word/tag ...} (the Brown corpus format; the tag is after
 * the last {@code /} of each token, so {@code 1/2/cd} is the word {@code 1/2} with the tag {@code cd}). When the line
 * has tabs, only the text after the last tab is read, so leading fields such as
 * {@code fileid<TAB>genre<TAB>} are ignored. The source is a file, a {@code .gz} file or a folder (as for
 * {@link TextCorpus}); blank lines are skipped. Each sentence is a {@link ConllSentence} with two columns: tokens
 * (column 0) and tags (column 1). Immutable and re-readable.
 */
public final class SlashTaggedCorpus {
    private final TextCorpus lines;

    private SlashTaggedCorpus(TextCorpus lines) {
        this.lines = lines;
    }

    /**
     * @throws CorpusException when the path is missing, a folder without files, or holds no non-blank line
     */
    public static SlashTaggedCorpus of(Path path) {
        Objects.requireNonNull(path, "path");
        return new SlashTaggedCorpus(TextCorpus.of(path, TextOptions.defaults()
                .withOnLongLine(TextOptions.OnLongLine.FAIL)));
    }

    /** Reads all sentences into memory. */
    public List<ConllSentence> readAll() {
        List<ConllSentence> sentences = new ArrayList<>();
        forEach(sentences::add);
        return sentences;
    }

    /**
     * Streams the sentences, in order, into {@code consumer}.
     *
     * @return the number of sentences and tokens read
     * @throws CorpusException {@code file:line: token 3 ("word") has no /tag}, and the errors of {@link TextCorpus}
     */
    public ConllSummary forEach(Consumer<? super ConllSentence> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        long[] counts = new long[2];
        lines.forEachLine((line, at) -> {
            String text = line.substring(line.lastIndexOf('\t') + 1).strip();
            if (text.isEmpty()) {
                return;
            }
            String[] tokens = text.split("[ \t]+");
            String[] words = new String[tokens.length];
            String[] tags = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                int slash = tokens[i].lastIndexOf('/');
                if (slash <= 0 || slash == tokens[i].length() - 1) {
                    throw new CorpusException(at.file(), at.lineNumber(), "token " + (i + 1) + " (\"" + tokens[i]
                            + "\") has no " + (slash == 0 ? "word before its /tag" : "/tag")
                            + "; expected word/tag tokens separated by spaces");
                }
                words[i] = tokens[i].substring(0, slash);
                tags[i] = tokens[i].substring(slash + 1);
            }
            consumer.accept(new ConllSentence(at.file(), at.lineNumber(), new String[][] {words, tags}, 0, 1));
            counts[0]++;
            counts[1] += tokens.length;
        });
        return new ConllSummary(counts[0], counts[1], 0, 0);
    }
}
