package dev.lexis.corpora;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sentences in CoNLL column format (CoNLL-2000 chunking, CoNLL-2003 NER, POS files): one token per line with its
 * columns ({@code word POS chunk}), a blank line ends a sentence, {@code -DOCSTART-} rows are skipped. The source is
 * a file, a {@code .gz} file or a folder (as for {@link TextCorpus}); strict UTF-8, CRLF and BOM handled.
 *
 * <p>Every row of a file must have as many columns as its first row:
 * {@code data/train.txt:1234: expected 3 columns (as on line 1), found 2}. Immutable and re-readable.
 */
public final class ConllCorpus {
    private static final int MAX_ROW_BYTES = 1 << 20;

    private final Path source;
    private final TextCorpus lines;
    private final ConllOptions options;

    private ConllCorpus(Path source, TextCorpus lines, ConllOptions options) {
        this.source = source;
        this.lines = lines;
        this.options = options;
    }

    /** The file or folder with {@link ConllOptions#defaults()}. */
    public static ConllCorpus of(Path path) {
        return of(path, ConllOptions.defaults());
    }

    /**
     * @throws CorpusException when the path is missing, or a folder without files
     */
    public static ConllCorpus of(Path path, ConllOptions options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        TextOptions text = TextOptions.defaults().withRequireNonEmpty(false).withSkipBlankLines(false)
                .withMaxLineBytes(MAX_ROW_BYTES).withOnLongLine(TextOptions.OnLongLine.FAIL);
        return new ConllCorpus(path, TextCorpus.of(path, text), options);
    }

    public Path source() {
        return source;
    }

    public ConllOptions options() {
        return options;
    }

    /** Reads all sentences into memory. */
    public List<ConllSentence> readAll() {
        List<ConllSentence> sentences = new ArrayList<>();
        forEach(sentences::add);
        return sentences;
    }

    /**
     * Streams the sentences, in order, into {@code consumer}, holding one sentence at a time.
     *
     * @throws CorpusException on a row with the wrong number of columns, a token or tag column outside the rows,
     *     bytes that are not UTF-8, or an I/O error
     */
    public ConllSummary forEach(Consumer<? super ConllSentence> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        long sentences = 0;
        long tokens = 0;
        long docStarts = 0;
        long comments = 0;
        String prefix = options.commentPrefix();
        List<String[]> rows = new ArrayList<>();
        long firstLine = 0;
        Path file = null;
        Path sentenceFile = null;
        int columns = -1;
        long columnsLine = 0;
        int tokenColumn = -1;
        int tagColumn = -1;
        try (LineReader reader = lines.open()) {
            while (true) {
                boolean more = reader.next();
                boolean blank = !more || reader.text().isBlank() || !reader.file().equals(file);
                if (blank && !rows.isEmpty()) {
                    consumer.accept(sentence(sentenceFile, firstLine, rows, columns, tokenColumn, tagColumn));
                    sentences++;
                    tokens += rows.size();
                    rows.clear();
                }
                if (!more) {
                    break;
                }
                if (!reader.file().equals(file)) {
                    file = reader.file();
                    columns = -1;
                }
                String line = reader.text();
                if (line.isBlank()) {
                    continue;
                }
                if (!prefix.isEmpty() && line.startsWith(prefix)) {
                    comments++;
                    continue;
                }
                String[] row = split(line);
                if (row[0].equals("-DOCSTART-")) {
                    docStarts++;
                    if (!rows.isEmpty()) {
                        consumer.accept(sentence(sentenceFile, firstLine, rows, columns, tokenColumn, tagColumn));
                        sentences++;
                        tokens += rows.size();
                        rows.clear();
                    }
                    continue;
                }
                long lineNumber = reader.lineNumber();
                if (columns < 0) {
                    columns = row.length;
                    columnsLine = lineNumber;
                    tokenColumn = resolve(options.tokenColumn(), "token", columns, file, lineNumber);
                    tagColumn = resolve(options.tagColumn(), "tag", columns, file, lineNumber);
                } else if (row.length != columns) {
                    throw new CorpusException(file, lineNumber, "expected " + columns + " columns (as on line "
                            + columnsLine + "), found " + row.length
                            + (options.separator() == ConllOptions.Separator.WHITESPACE
                                    ? " (columns are separated by spaces or tabs)"
                                    : " (columns are separated by tabs)"));
                }
                if (rows.isEmpty()) {
                    firstLine = lineNumber;
                    sentenceFile = file;
                }
                rows.add(row);
            }
        }
        return new ConllSummary(sentences, tokens, docStarts, comments);
    }

    private String[] split(String line) {
        if (options.separator() == ConllOptions.Separator.TAB) {
            return line.split("\t", -1);
        }
        return line.strip().split("[ \t]+");
    }

    private static int resolve(int index, String role, int columns, Path file, long line) {
        int c = index < 0 ? columns + index : index;
        if (c < 0 || c >= columns) {
            throw new CorpusException(file, line, "the " + role + " column (" + index + ") is outside the " + columns
                    + (columns == 1 ? " column" : " columns") + " of the first row");
        }
        return c;
    }

    private static ConllSentence sentence(Path file, long firstLine, List<String[]> rows, int columns,
            int tokenColumn, int tagColumn) {
        String[][] byColumn = new String[columns][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            for (int c = 0; c < columns; c++) {
                byColumn[c][i] = row[c];
            }
        }
        return new ConllSentence(file, firstLine, byColumn, tokenColumn, tagColumn);
    }
}
