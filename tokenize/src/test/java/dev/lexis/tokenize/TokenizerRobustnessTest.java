package dev.lexis.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad and random input through every tokenizer; the timeouts guard against hangs, they measure nothing. */
class TokenizerRobustnessTest {

    private static final List<String> SPECS = List.of("whitespace", "whitespace+lowercase+maxlen=7", "standard",
            "english", "english+stem", "icu", "smartcn", "standard|lowercase|asciiFolding", "keyword+maxlen=50",
            "htmlStrip|classic|lowercase");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomStringsThroughEveryTokenizer() {
        long seed = Long.getLong("lexis.test.seed", System.nanoTime());
        System.out.println("TokenizerRobustnessTest.randomStringsThroughEveryTokenizer seed = " + seed
                + " (rerun with -Dlexis.test.seed=" + seed + ")");
        for (String spec : SPECS) {
            Tokenizer tokenizer = Tokenizer.named(spec);
            var random = new SplittableRandom(seed);
            for (int i = 0; i < 300; i++) {
                String text = RandomText.next(random, 200);
                String context = "seed " + seed + ", spec " + spec + ", text " + RandomText.escape(text);
                List<String> tokens = tokenizer.tokenize(text);
                for (String token : tokens) {
                    assertFalse(token.isEmpty(), context);
                    assertTrue(token.length() <= tokenizer.maxTokenLength(), context);
                    if (spec.startsWith("whitespace")) {
                        assertTrue(token.chars().noneMatch(Character::isWhitespace), context);
                    }
                }
                assertEquals(tokens, tokenizer.tokenize(text), context);  // deterministic, stream reused cleanly
                char[] chars = text.toCharArray();
                List<String> fromChars = new ArrayList<>();
                tokenizer.forEachToken(chars, 0, chars.length, (c, o, l) -> fromChars.add(new String(c, o, l)));
                assertEquals(tokens, fromChars, context);
            }
        }
    }

    @Test
    void tokenOfTenThousandChars() {
        String longWord = "abcdefghij".repeat(1_000);
        String text = "before " + longWord + " after";
        // whitespace: truncated to the first 255 chars, as word2vec.c truncates at its MAX_STRING
        assertEquals(List.of("before", longWord.substring(0, 255), "after"), Tokenizer.whitespace().tokenize(text));
        assertEquals(List.of("before", longWord, "after"), Tokenizer.named("whitespace+maxlen=20000").tokenize(text));
        assertEquals(List.of("before", longWord, "after"), Tokenizer.named("standard+maxlen=10000").tokenize(text));
        // Lucene tokenizers break a run at 4096 chars first: 4096 + 4096 + 1808, each truncated to 255
        for (String spec : SPECS) {
            Tokenizer tokenizer = Tokenizer.named(spec);
            List<String> tokens = tokenizer.tokenize(text);
            assertTrue(tokens.stream().allMatch(t -> t.length() <= tokenizer.maxTokenLength()), spec);
            assertTrue(tokens.size() >= 1 && tokens.size() <= 60, spec + " gave " + tokens.size() + " tokens");
        }
        List<String> standard = Tokenizer.named("standard").tokenize(text);
        assertEquals(List.of("before", longWord.substring(0, 255), longWord.substring(4096, 4096 + 255), longWord.substring(8192, 8192 + 255),
                "after"), standard);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void tenMegabyteLineWithoutNewline() {
        int size = 10 * 1024 * 1024;
        String oneToken = "x".repeat(size);
        StringBuilder words = new StringBuilder(size + 16);
        String[] vocabulary = {"lorem", "ipsum", "dolor", "sit", "amet", "the", "of", "and"};
        var random = new SplittableRandom(3);
        int expectedWords = 0;
        while (words.length() < size) {
            words.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            expectedWords++;
        }
        String manyWords = words.toString();
        for (String spec : List.of("whitespace", "standard", "english", "icu", "smartcn", "standard|lowercase")) {
            Tokenizer tokenizer = Tokenizer.named(spec);
            // streamed through a sink: nothing is collected, memory stays bounded by the text itself
            long[] stats = new long[2];
            TokenSink sink = (c, o, l) -> {
                stats[0]++;
                stats[1] = Math.max(stats[1], l);
            };
            tokenizer.forEachToken(oneToken, sink);
            assertTrue(stats[0] >= 1 && stats[1] <= 255, spec + ": " + stats[0] + " tokens, longest " + stats[1]);
            stats[0] = 0;
            stats[1] = 0;
            tokenizer.forEachToken(manyWords, sink);
            assertTrue(stats[1] <= 5, spec + ": longest " + stats[1]);
            if (spec.equals("whitespace") || spec.equals("standard") || spec.equals("icu")) {
                assertEquals(expectedWords, stats[0], spec);
            } else {
                assertTrue(stats[0] > 0.4 * expectedWords, spec + ": " + stats[0]);
            }
        }
        assertEquals(1, Tokenizer.whitespace().tokenize(oneToken).size());
        var counter = Vocabulary.builder();
        Tokenizer.whitespace().forEachToken(manyWords, counter);
        assertEquals(expectedWords, counter.tokens());
        assertEquals(vocabulary.length, counter.size());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void manyThreadsTokenizingTheSameTextGetTheSameTokens() throws Exception {
        List<String> texts = List.of(
                "The Quick brown fox's friends were RUNNING to U.S.A. in 2024",
                "我爱北京天安门。今天天气很好，我们去公园散步吧！",
                "Москва is 東京 and Ελλάδα, naïve café 123 ไทยภาษา 😀ok",
                "a".repeat(5000) + " tail");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String spec : List.of("whitespace+lowercase", "standard", "english+stem", "icu", "smartcn",
                    "standard|lowercase|asciiFolding")) {
                Tokenizer shared = Tokenizer.named(spec);
                List<List<String>> expected = new ArrayList<>();
                for (String text : texts) {
                    expected.add(Tokenizer.named(spec).tokenize(text));  // a separate instance as the reference
                }
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int offset = t;
                    results.add(pool.submit(() -> {
                        int checked = 0;
                        for (int round = 0; round < 200; round++) {
                            int i = (round + offset) % texts.size();
                            List<String> got = shared.tokenize(texts.get(i));
                            if (!got.equals(expected.get(i))) {
                                throw new AssertionError(spec + ": thread " + offset + " round " + round
                                        + " got " + got + ", expected " + expected.get(i));
                            }
                            checked++;
                        }
                        return checked;
                    }));
                }
                for (Future<Integer> result : results) {
                    assertEquals(200, result.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
