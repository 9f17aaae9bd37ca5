package dev.lexis.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Counts on the shared data sets, checked against their READMEs and Python's str.split(); skipped when absent. */
class RealDataTest {

    private static Path shared(String relative) {
        Path file = Path.of(System.getProperty("lexis.shared.data", "../shared/data")).resolve(relative);
        assumeTrue(Files.exists(file), "shared data not found: " + file.toAbsolutePath()
                + " (set -Dlexis.shared.data=DIR); skipping");
        return file;
    }

    @Test
    void whitespaceCountsOfTheSmallEnglishProseCorpus() throws IOException {
        Path file = shared("english-prose-corpus/english_prose_1m.txt");
        Tokenizer tokenizer = Tokenizer.whitespace();
        VocabularyBuilder counter = Vocabulary.builder();
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines++;
                tokenizer.forEachToken(line, counter);
            }
        }
        // README.txt: 18,259 lines, 989,917 tokens; 98,700 distinct and 15,388 with count >= 5 by str.split()
        assertEquals(18_259, lines);
        assertEquals(989_917, counter.tokens());
        assertEquals(98_700, counter.size());
        Vocabulary vocab = counter.build(5, Integer.MAX_VALUE);
        assertEquals(15_388, vocab.size());
        assertEquals(List.of("the", "of", "and", "to", "a"), vocab.words().subList(0, 5));
        assertArrayEquals(new long[] {55_630, 31_463, 30_729, 26_294, 19_211}, java.util.Arrays.copyOf(vocab.counts(), 5));
    }

    @Test
    void chineseNovelTitleLines() throws IOException {
        Path file = shared("chinese-classic-novels/hongloumeng.txt.gz");
        List<String> lines;
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            lines = in.lines().limit(2).toList();
        }
        assertEquals("《红楼梦》曹雪芹", lines.get(0));
        assertEquals(List.of("红楼梦", "曹", "雪", "芹"), Tokenizer.named("smartcn").tokenize(lines.get(0)));
        assertEquals(List.of("红楼梦", "曹雪芹"), Tokenizer.named("icu").tokenize(lines.get(0)));
        assertEquals(List.of("第一", "回", "甄", "士", "隐", "梦幻", "识", "通", "灵", "贾", "雨", "村", "风尘", "怀", "闺秀"),
                Tokenizer.named("smartcn").tokenize(lines.get(1)));
    }
}
