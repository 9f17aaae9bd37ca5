package dev.lexis.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.embeddings.Word2VecConfig.Architecture;
import dev.lexis.nn.HuffmanTree;
import dev.lexis.nn.UnigramSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training with fastText-style subwords (Bojanowski et al. 2017): against plain loops written from fastText's
 * description of the step, equal to plain word2vec when no word has n-grams, words the corpus never had near their
 * relatives, checkpoints, files.
 */
class SubwordTrainingTest {

    @TempDir
    Path dir;

    private static final List<String> CORPUS = List.of(
            "walk walked talk",
            "talked walk walks",
            "talk walking walk walked",
            "walks talk",
            "walked talked walk",
            "a walk",
            "talk");

    private static Word2VecConfig reference(Architecture arch) {
        return Word2VecConfig.defaults().withArchitecture(arch).withLoss("hs").withEmbeddingDim(5).withWindow(1)
                .withMinCount(1).withSample(0).withEpochs(2).withAlpha(0.5).withThreads(1).withStreams(1).withSeed(3)
                .withSubwords(2, 3).withBucket(40);
    }

    /**
     * Window 1 and no subsampling leave no random choice after the initial rows, so the plain loops must give the
     * trainer's vectors to rounding. 40 buckets make n-grams of different words share rows (hash collisions).
     */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void hsWithSubwordsMatchesPlainLoops(Architecture arch) throws IOException {
        Word2VecConfig c = reference(arch);
        WordVectors trained = new Word2VecTrainer(c).train(CORPUS, TrainingListener.NONE);
        Reference ref = new Reference(c, CORPUS);
        ref.train();
        assertEquals(ref.vocab, trained.words(), "vocabulary order");
        Subwords sub = trained.subwords().orElseThrow();
        assertEquals(ref.known.length, sub.knownRows());
        for (int w = 0; w < ref.vocab.size(); w++) {
            float[] expected = ref.representation(w);
            float[] got = trained.row(w);
            for (int d = 0; d < c.embeddingDim(); d++) {
                assertEquals(expected[d], got[d], 2e-5f, "word " + ref.vocab.get(w) + ", dimension " + d);
            }
        }
        // an unseen word: the mean of its known n-gram rows
        float[] talks = trained.vector("talks").orElseThrow();
        float[] expected = ref.compose("talks");
        assertArrayEquals(expected, talks, 2e-5f);
        assertTrue(trained.isComposed("talks"));
        assertFalse(trained.isComposed("talk"));
    }

    /** fastText's step in plain loops: rows[] per word (own row, then n-gram rows), HS on the Huffman tree. */
    private static final class Reference {
        final Word2VecConfig c;
        final List<String> lines;
        final List<String> vocab = new ArrayList<>();
        final long[] counts;
        final int[] known;
        final int[][] rows;
        final float[][] in;
        final float[][] syn1;
        final HuffmanTree tree;
        final int dim;

        Reference(Word2VecConfig c, List<String> lines) {
            this.c = c;
            this.lines = lines;
            this.dim = c.embeddingDim();
            Map<String, Long> cnt = new LinkedHashMap<>();
            for (String line : lines) {
                for (String w : line.split(" ")) {
                    cnt.merge(w, 1L, Long::sum);
                }
            }
            vocab.addAll(cnt.keySet());
            vocab.sort((a, b) -> Long.compare(cnt.get(b), cnt.get(a)));
            int v = vocab.size();
            counts = vocab.stream().mapToLong(cnt::get).toArray();
            TreeSet<Integer> buckets = new TreeSet<>();
            for (String w : vocab) {
                for (int b : Subwords.bucketsOf(w, c.minn(), c.maxn(), c.bucket())) {
                    buckets.add(b);
                }
            }
            known = buckets.stream().mapToInt(Integer::intValue).toArray();
            rows = new int[v][];
            for (int w = 0; w < v; w++) {
                int[] b = Subwords.bucketsOf(vocab.get(w), c.minn(), c.maxn(), c.bucket());
                rows[w] = new int[1 + b.length];
                rows[w][0] = w;
                for (int i = 0; i < b.length; i++) {
                    rows[w][i + 1] = v + Arrays.binarySearch(known, b[i]);
                }
            }
            // the trainer's initial rows: words, then n-grams, uniform in (-0.5 / dim, 0.5 / dim) from the seed
            in = new float[v + known.length][dim];
            long r = c.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            for (float[] row : in) {
                for (int d = 0; d < dim; d++) {
                    r = UnigramSampler.nextRandom(r);
                    float u = (UnigramSampler.mix(r) >>> 40) / (float) (1 << 24);
                    row[d] = (u - 0.5f) / dim;
                }
            }
            tree = HuffmanTree.of(counts);
            syn1 = new float[v - 1][dim];
        }

        float[] representation(int w) {
            float[] h = new float[dim];
            for (int r : rows[w]) {
                for (int d = 0; d < dim; d++) {
                    h[d] += in[r][d] / rows[w].length;
                }
            }
            return h;
        }

        float[] compose(String word) {
            float[] h = new float[dim];
            int n = 0;
            for (int b : Subwords.bucketsOf(word, c.minn(), c.maxn(), c.bucket())) {
                int k = Arrays.binarySearch(known, b);
                if (k >= 0) {
                    for (int d = 0; d < dim; d++) {
                        h[d] += in[vocab.size() + k][d];
                    }
                    n++;
                }
            }
            for (int d = 0; d < dim; d++) {
                h[d] /= n;
            }
            return h;
        }

        /** HS along target's path from hidden h; returns the error. */
        float[] hs(float[] h, int target, float alpha) {
            float[] e = new float[dim];
            int[] points = tree.points(target);
            int[] codes = tree.codes(target);
            for (int k = 0; k < points.length; k++) {
                float[] node = syn1[points[k]];
                double f = 0;
                for (int d = 0; d < dim; d++) {
                    f += h[d] * node[d];
                }
                if (f <= -6 || f >= 6) {
                    continue;
                }
                float g = (1 - codes[k] - sigmoidTable((float) f)) * alpha;
                for (int d = 0; d < dim; d++) {
                    e[d] += g * node[d];
                    node[d] += g * h[d];
                }
            }
            return e;
        }

        void add(int[] rs, float[] e) {
            for (int r : rs) {
                for (int d = 0; d < dim; d++) {
                    in[r][d] += e[d];
                }
            }
        }

        void train() {
            long total = Arrays.stream(counts).sum();
            for (int epoch = 0; epoch < c.epochs(); epoch++) {
                float alpha = (float) (c.effectiveAlpha()
                        * Math.max(1e-4, 1 - total * epoch / (double) (total * c.epochs() + 1)));
                for (String line : lines) {
                    int[] s = Arrays.stream(line.split(" ")).mapToInt(vocab::indexOf).toArray();
                    if (s.length < 2) {
                        continue;
                    }
                    for (int pos = 0; pos < s.length; pos++) {
                        List<Integer> ctx = new ArrayList<>();
                        for (int p = Math.max(0, pos - 1); p <= Math.min(s.length - 1, pos + 1); p++) {
                            if (p != pos) {
                                ctx.add(s[p]);
                            }
                        }
                        if (c.architecture() == Architecture.CBOW) {
                            // the mean of the context words' representations; the error to every row, undivided
                            float[] h = new float[dim];
                            for (int w : ctx) {
                                float[] rep = representation(w);
                                for (int d = 0; d < dim; d++) {
                                    h[d] += rep[d] / ctx.size();
                                }
                            }
                            float[] e = hs(h, s[pos], alpha);
                            for (int w : ctx) {
                                add(rows[w], e);
                            }
                        } else {
                            // fastText: the centre word's representation, recomputed before each context word,
                            // predicts it; the error goes to every row of the centre word at once
                            for (int w : ctx) {
                                float[] e = hs(representation(s[pos]), w, alpha);
                                add(rows[s[pos]], e);
                            }
                        }
                    }
                }
            }
        }
    }

    private static float sigmoidTable(float f) {
        int i = (int) ((f + 6f) * (1000 / 6f / 2));
        double x = (i / 1000.0 * 2 - 1) * 6;
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** Sentences of 12 words, each from one of 4 topics of 8 words, plus "the" and "of". */
    private static List<String> topics(int sentences, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            int topic = r.nextInt(4);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                int x = r.nextInt(10);
                sb.append(i == 0 ? "" : " ").append(x == 0 ? "the" : x == 1 ? "of" : "t" + topic + "w" + r.nextInt(8));
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    /**
     * With n-grams longer than any wrapped word (maxn 64), the subword path has no n-gram rows: CBOW must then train
     * exactly the vectors of plain word2vec, bit for bit (one thread).
     */
    @ParameterizedTest
    @CsvSource({"hs, true", "ns, true", "ns, false"})
    void cbowWithoutNgramsIsPlainWord2vec(String loss, boolean mean) throws IOException {
        Word2VecConfig plain = Word2VecConfig.defaults().withEmbeddingDim(24).withThreads(1).withSeed(7)
                .withMinCount(2).withSample(1e-2).withEpochs(2).withLoss(loss).withCbowMean(mean);
        List<String> lines = topics(300, 2);
        WordVectors a = new Word2VecTrainer(plain).train(lines, null);
        WordVectors b = new Word2VecTrainer(plain.withSubwords(64, 64)).train(lines, null);
        assertEquals(0, b.subwords().orElseThrow().knownRows());
        assertEquals(a.words(), b.words());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.row(i), b.row(i), "row " + i + " (" + a.word(i) + ")");
        }
    }

    /**
     * "walking" never occurs, but "walk", "walked", "walks" and "talking" do, in the sentences of one topic (with
     * "road" and "path"); "eating" (sharing "ing") and "eat" are in another. The composed vector of "walking" must be
     * nearer the walk topic than the eat topic, and its nearest words must include a relative.
     */
    @ParameterizedTest
    @CsvSource({"CBOW, ns, 1", "SKIP_GRAM, ns, 2", "SKIP_GRAM, hs, 1", "CBOW, hs, 2"})
    void anUnseenWordGetsAVectorNearItsRelatives(Architecture arch, String loss, int threads) throws IOException {
        List<String> walkTopic = List.of("walk", "walked", "walks", "talking", "road", "path", "stroll", "feet");
        List<String> eatTopic = List.of("eat", "eating", "eats", "bread", "meal", "cook", "plate", "soup");
        List<String> otherTopic = List.of("sky", "cloud", "rain", "wind", "storm", "sun", "cold", "snow");
        List<List<String>> topics = List.of(walkTopic, eatTopic, otherTopic);
        SplittableRandom r = new SplittableRandom(11);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < 1500; s++) {
            List<String> t = topics.get(r.nextInt(3));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                sb.append(i == 0 ? "" : " ").append(r.nextInt(8) == 0 ? "the" : t.get(r.nextInt(t.size())));
            }
            lines.add(sb.toString());
        }
        Word2VecConfig c = Word2VecConfig.defaults().withArchitecture(arch).withLoss(loss).withEmbeddingDim(32)
                .withThreads(threads).withSeed(5).withMinCount(2).withEpochs(5).withSubwords(3, 6).withBucket(100_000);
        WordVectors v = new Word2VecTrainer(c).train(lines, null);
        assertTrue(v.indexOf("walking").isEmpty());
        assertTrue(v.isComposed("walking"));
        double walk = 0;
        double eat = 0;
        for (int i = 0; i < 8; i++) {
            walk += v.similarity("walking", walkTopic.get(i)) / 8;
            eat += v.similarity("walking", eatTopic.get(i)) / 8;
        }
        assertTrue(walk > eat + 0.1, "walking: mean cosine " + walk + " to the walk topic, " + eat + " to the eat topic");
        List<String> near = v.nearest("walking", 3).stream().map(Neighbor::word).toList();
        assertTrue(near.stream().anyMatch(List.of("walk", "walked", "walks", "talking")::contains), near.toString());
    }

    @Test
    void resumeFromAMidEpochCheckpointWithSubwords() throws IOException {
        Path corpus = dir.resolve("corpus.txt");
        Files.write(corpus, topics(3000, 5));
        Word2VecConfig c = Word2VecConfig.defaults().withArchitecture(Architecture.SKIP_GRAM).withEmbeddingDim(16)
                .withThreads(1).withSeed(7).withMinCount(2).withEpochs(2).withSample(1e-2).withSubwords(2, 4)
                .withBucket(5000);
        WordVectors whole = new Word2VecTrainer(c).train(corpus, null);
        Path ckpt = dir.resolve("mid.ckpt");
        Word2VecTrainer t = new Word2VecTrainer(c).withCheckpoint(ckpt)
                .withCheckpointEvery(15_000, java.time.Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> t.train(corpus, new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
            }

            @Override
            public void onCheckpoint(Path file, TrainingProgress p, boolean midEpoch) {
                if (midEpoch && p.epoch() == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        }));
        assertEquals(c, Checkpoint.read(ckpt).config());
        WordVectors resumed = new Word2VecTrainer(c).resume(corpus, ckpt, null);
        assertEquals(whole.words(), resumed.words());
        for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(whole.row(i), resumed.row(i), "row " + i);
        }
        for (String unseen : List.of("t9w9", "t1w77", "tw")) {
            assertArrayEquals(whole.vector(unseen).orElseThrow(), resumed.vector(unseen).orElseThrow(), unseen);
        }
    }

    @Test
    void savedVectorsCarryTheirSubwordFile() throws IOException {
        Word2VecConfig c = Word2VecConfig.defaults().withEmbeddingDim(16).withThreads(1).withSeed(3).withMinCount(2)
                .withEpochs(1).withSubwords(3, 5).withBucket(10_000);
        WordVectors v = new Word2VecTrainer(c).train(topics(200, 1), null);
        for (String name : List.of("v.bin", "v.txt")) {
            Path file = dir.resolve(name);
            v.save(file);
            assertTrue(Files.isRegularFile(dir.resolve(name + ".subwords")));
            WordVectors back = WordVectors.load(file);
            assertEquals(v.words(), back.words());
            assertTrue(back.isComposed("t2w17"));
            assertArrayEquals(v.vector("t2w17").orElseThrow(), back.vector("t2w17").orElseThrow());
            assertEquals("3", back.metadata().get("word2vec.minn"));
            assertEquals("5", back.metadata().get("word2vec.maxn"));
            assertEquals(v.nearest("t2w17", 3), back.nearest("t2w17", 3));
        }
        // no n-gram of "zzzz" is known (none of the vocabulary has a z): still unknown
        WordVectors back = WordVectors.load(dir.resolve("v.bin"));
        assertTrue(back.vector("zzzz").isEmpty());
        assertFalse(back.isComposed("zzzz"));
        var e = assertThrows(UnknownWordException.class, () -> back.nearest("zzzz", 3));
        assertEquals("unknown word \"zzzz\": not in the vocabulary (" + back.size()
                + " words) and none of its character n-grams is known", e.getMessage());
        // plain vectors saved over them remove the stale subword file
        WordVectors.of(List.of("a", "b"), new float[32], 16).save(dir.resolve("v.bin"));
        assertFalse(Files.exists(dir.resolve("v.bin.subwords")));
        assertTrue(WordVectors.load(dir.resolve("v.bin")).subwords().isEmpty());
    }

    @Test
    void aTruncatedSubwordFileIsRefusedWhenTheVectorsLoad() throws IOException {
        Word2VecConfig c = Word2VecConfig.defaults().withEmbeddingDim(8).withThreads(1).withMinCount(2).withEpochs(1)
                .withSubwords(3, 4).withBucket(1000);
        Path file = dir.resolve("v.vec");
        new Word2VecTrainer(c).train(topics(100, 1), null).save(file);
        Path sub = dir.resolve("v.vec.subwords");
        byte[] bytes = Files.readAllBytes(sub);
        Files.write(sub, Arrays.copyOf(bytes, bytes.length - 100));
        var e = assertThrows(IOException.class, () -> WordVectors.load(file));
        assertTrue(e.getMessage().startsWith(sub + ": subword file truncated ("), e.getMessage());
    }

    @Test
    void configKeysAndValidation() {
        Word2VecConfig plain = Word2VecConfig.defaults();
        assertFalse(plain.subwords());
        assertFalse(plain.toProperties().containsKey("minn"), "plain word2vec's properties are as before");
        Word2VecConfig sub = plain.withSubwords(3, 6).withBucket(1000);
        assertTrue(sub.subwords());
        assertEquals("3", sub.toProperties().get("minn"));
        assertEquals("6", sub.toProperties().get("maxn"));
        assertEquals("1000", sub.toProperties().get("bucket"));
        assertEquals(sub, Word2VecConfig.fromProperties(sub.toProperties()));
        assertEquals(2_000_000, plain.bucket());
        var e = assertThrows(IllegalArgumentException.class, () -> plain.withSubwords(3, 0));
        assertEquals("minn must be 0 when maxn is 0 (subwords off), got minn 3; set maxn >= minn for subwords",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> plain.withSubwords(4, 3));
        assertEquals("subwords need 1 <= minn <= maxn <= 64, got minn 4, maxn 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> plain.withBucket(0));
        assertEquals("bucket must be > 0, got 0", e.getMessage());
    }
}
