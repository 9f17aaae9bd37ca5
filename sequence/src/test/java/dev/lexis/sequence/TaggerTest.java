package dev.lexis.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.corpora.ConllSentence;
import dev.lexis.nn.io.ModelFile;
import dev.lexis.nn.rnn.CellKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tagger on a generated task that needs context from both sides: a noun after "the" or "a" is inside a
 * noun phrase (B-NP on the determiner, I-NP on the noun), the same words elsewhere are verbs (B-VP) — except
 * that "saw" before "the" is always a verb, which only a reader of the right context knows.
 */
class TaggerTest {
    private static final String[] NOUNS = {"dog", "cat", "saw", "fish", "duck", "bird"};
    private static final String[] DETS = {"the", "a"};

    @TempDir
    static Path dir;
    static List<ConllSentence> train;
    static List<ConllSentence> test;
    static Tagger tagger;

    static List<ConllSentence> sentences(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ConllSentence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> tokens = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            int len = 2 + r.nextInt(8);
            while (tokens.size() < len) {
                if (r.nextInt(3) == 0) {
                    tokens.add(DETS[r.nextInt(2)]);
                    tags.add("B-NP");
                    tokens.add(NOUNS[r.nextInt(NOUNS.length)]);
                    tags.add("I-NP");
                } else {
                    tokens.add(NOUNS[r.nextInt(NOUNS.length)]);
                    tags.add("B-VP");
                }
            }
            out.add(ConllSentence.of(tokens.toArray(new String[0]), tags.toArray(new String[0])));
        }
        return out;
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        train = sentences(400, 1);
        test = sentences(100, 2);
        TaggerConfig config = TaggerConfig.defaults().withHiddenSize(16).withEmbeddingDim(12).withEpochs(12)
                .withBatchSize(16).withLearningRate(0.01f).withThreads(2);
        tagger = new TaggerTrainer(config).train(train, test);
    }

    @Test
    void learnsTheGeneratedTask() {
        TagEvaluation e = tagger.evaluate(test);
        assertTrue(e.accuracy() > 0.97, "accuracy " + e.accuracy());
        assertTrue(e.f1() > 95, "f1 " + e.f1());
        assertEquals(List.of("B-NP", "B-VP", "I-NP"), tagger.tags());
        assertEquals(List.of("B-NP", "I-NP", "B-VP"), tagger.tag(List.of("the", "saw", "saw")));
    }

    @Test
    void everyCellAndDirectionTrains() throws IOException {
        for (CellKind cell : CellKind.values()) {
            for (boolean bi : new boolean[] {false, true}) {
                TaggerConfig config = TaggerConfig.defaults().withCell(cell).withBidirectional(bi).withHiddenSize(8)
                        .withEmbeddingDim(8).withEpochs(3).withBatchSize(16).withLearningRate(0.02f).withThreads(1)
                        .withLayers(2).withDropout(0.1f).withBpttLimit(4).withFeatures(true).withWordDropout(0.1f);
                Tagger t = new TaggerTrainer(config).train(train, List.of());
                double acc = t.evaluate(test).accuracy();
                assertTrue(acc > 0.6, cell + " bidirectional=" + bi + ": accuracy " + acc);
            }
        }
    }

    @Test
    void sameSeedAndThreadsGiveTheSameModel() throws IOException {
        TaggerConfig config = TaggerConfig.defaults().withHiddenSize(8).withEmbeddingDim(8).withEpochs(1)
                .withThreads(2).withDropout(0.2f);
        Tagger a = new TaggerTrainer(config).train(train, List.of());
        Tagger b = new TaggerTrainer(config).train(train, List.of());
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value().toArray(), b.parameters().get(i).value().toArray(),
                    a.parameters().get(i).name());
        }
    }

    @Test
    void resumingFromACheckpointEndsWithTheSameModelAsAnUninterruptedRun() throws IOException {
        List<ConllSentence> dev = test.subList(0, 30);
        TaggerConfig config = TaggerConfig.defaults().withHiddenSize(8).withEmbeddingDim(8).withEpochs(3)
                .withThreads(2).withDropout(0.2f).withWordDropout(0.1f).withFeatures(true).withSubwordDim(4)
                .withPatience(0);
        Tagger whole = new TaggerTrainer(config).train(train, dev);
        Path checkpoint = dir.resolve("tagger.checkpoint");
        new TaggerTrainer(config.withEpochs(1)).checkpointTo(checkpoint).train(train, dev);
        List<String> messages = new ArrayList<>();
        Tagger resumed = new TaggerTrainer(config).resumeFrom(checkpoint).listener(new TaggerListener() {
            @Override
            public void onEpoch(EpochReport report) {
                messages.add("epoch " + report.epoch());
            }

            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        }).train(train, dev);
        assertEquals("resumed from " + checkpoint + " after epoch 1 (step 13)", messages.get(1), messages.toString());
        assertTrue(messages.containsAll(List.of("epoch 2", "epoch 3")) && !messages.contains("epoch 1"),
                messages.toString());
        for (int i = 0; i < whole.parameters().size(); i++) {
            assertArrayEquals(whole.parameters().get(i).value().toArray(), resumed.parameters().get(i).value().toArray(),
                    whole.parameters().get(i).name());
        }
        IOException e = assertThrows(IOException.class,
                () -> new TaggerTrainer(config.withHiddenSize(9)).resumeFrom(checkpoint).train(train, dev));
        assertEquals(checkpoint + ": the checkpoint was trained with hiddenSize=8, the options give hiddenSize=9; "
                + "resume with the same options", e.getMessage());
        Path notACheckpoint = dir.resolve("tagger-model.lexis");
        whole.save(notACheckpoint);
        e = assertThrows(IOException.class,
                () -> new TaggerTrainer(config).resumeFrom(notACheckpoint).train(train, dev));
        assertEquals(notACheckpoint + ": is a tagger model, expected checkpoint", e.getMessage());
    }

    @Test
    void characterNgramsGiveUnseenWordsTheirOwnVectorAndSurviveSaveAndLoad() throws IOException {
        assertArrayEquals(TokenEncoder.subwordBuckets("Dog", 1 << 16), TokenEncoder.subwordBuckets("dog", 1 << 16));
        assertEquals(3, TokenEncoder.subwordBuckets("a", 1 << 16).length);    // "<a", "a>", "<a>"
        assertEquals(6, TokenEncoder.subwordBuckets("ab", 1 << 16).length);   // "<a", "ab", "b>", "<ab", "ab>", "<ab>"
        TaggerConfig config = TaggerConfig.defaults().withHiddenSize(8).withEmbeddingDim(8).withEpochs(2)
                .withThreads(2).withSubwordDim(6);
        Tagger t = new TaggerTrainer(config).train(train, List.of());
        assertTrue(t.parameters().stream().anyMatch(p -> p.name().equals("subword_embedding")));
        Path file = dir.resolve("subwords.lexis");
        t.save(file);
        Tagger loaded = Tagger.load(file);
        List<List<String>> sentences = List.of(List.of("the", "doggy", "saws"), List.of(), List.of("a", "cat"));
        assertEquals(t.tagAll(sentences), loaded.tagAll(sentences));
        assertEquals(6, loaded.config().subwordDim());
    }

    @Test
    void anInputColumnIsReadBesideTheToken() throws IOException {
        // the chunk tag follows the POS column alone: the words are random
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            for (int t = 0; t < 2 + r.nextInt(6); t++) {
                String word = "w" + r.nextInt(50);
                rows.append(r.nextBoolean() ? word + " DT B-NP\n" : word + " VB B-VP\n");
            }
            rows.append('\n');
        }
        Path file = dir.resolve("pos-input.txt");
        Files.writeString(file, rows.toString());
        List<ConllSentence> data = dev.lexis.corpora.ConllCorpus.of(file,
                dev.lexis.corpora.ConllOptions.defaults().withTagColumn(2)).readAll();
        TaggerConfig config = TaggerConfig.defaults().withHiddenSize(8).withEmbeddingDim(8).withEpochs(4)
                .withLearningRate(0.01f).withThreads(2).withInputColumn(1);
        Tagger t = new TaggerTrainer(config).train(data, List.of());
        assertEquals(1.0, t.evaluate(data).accuracy(), 1e-9);
        var e = assertThrows(IllegalArgumentException.class, () -> t.tag(List.of("w1", "w2")));
        assertTrue(e.getMessage().startsWith("this tagger reads column 1 of CoNLL rows besides the token"),
                e.getMessage());
        Path model = dir.resolve("pos-input.lexis");
        t.save(model);
        assertEquals(t.tagRows(data), Tagger.load(model).tagRows(data));
        e = assertThrows(IllegalArgumentException.class, () -> new TaggerTrainer(config.withInputColumn(5))
                .train(data, List.of()));
        assertEquals(file + ":1: the tagger reads column 5 as input (inputColumn), but the sentence has 3 column(s)",
                e.getMessage());
    }

    @Test
    void savesAndLoadsTheSameTagger() throws IOException {
        Path file = dir.resolve("tagger.lexis");
        tagger.save(file);
        Tagger loaded = Tagger.load(file);
        assertEquals(tagger.config(), loaded.config());
        assertEquals(tagger.tags(), loaded.tags());
        List<List<String>> sentences = new ArrayList<>();
        for (ConllSentence s : test) {
            sentences.add(List.of(s.tokens()));
        }
        assertEquals(tagger.tagAll(sentences), loaded.tagAll(sentences));
        assertEquals(tagger.evaluate(test), loaded.evaluate(test));
        assertEquals("400", loaded.provenance().get("trainSentences"));
    }

    @Test
    void aModelOfAnotherKindIsRefused() throws IOException {
        Path file = dir.resolve("other.lexis");
        ModelFile.builder("textcnn").config("x", "1").build().save(file);
        IOException e = assertThrows(IOException.class, () -> Tagger.load(file));
        assertEquals(file + ": is a textcnn model, expected tagger", e.getMessage());
        Path text = dir.resolve("text.txt");
        Files.writeString(text, "not a model\n");
        e = assertThrows(IOException.class, () -> Tagger.load(text));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
    }

    @Test
    void aTagNeverSeenInTrainingCountsAsAnErrorAndIsNamed() {
        List<ConllSentence> gold = List.of(ConllSentence.of(new String[] {"the", "dog", "saw"},
                new String[] {"B-NP", "I-NP", "B-XP"}));
        TagEvaluation e = tagger.evaluate(gold);
        assertEquals(1, e.unseenTagTokens());
        assertEquals(List.of("B-XP"), e.unseenTags());
        assertEquals(2.0 / 3, e.accuracy(), 1e-9);
    }

    @Test
    void unknownWordsEmptySentencesAndATenThousandTokenSentence() {
        assertEquals(List.of(), tagger.tag(List.of()));
        assertEquals(2, tagger.tag(List.of("the", "zebra")).size());
        List<String> longSentence = new ArrayList<>(Collections.nCopies(10_000, "dog"));
        longSentence.set(0, "the");
        List<String> tags = tagger.tag(longSentence);
        assertEquals(10_000, tags.size());
        assertEquals("B-NP", tags.get(0));
    }

    @Test
    void emptyTrainingDataAndBadOptionsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TaggerTrainer(TaggerConfig.defaults()).train(List.of(), List.of()));
        assertEquals("no training sentences (the training data has no tokens)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaggerConfig.defaults().withHiddenSize(0));
        assertEquals("hiddenSize must be > 0, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TaggerConfig.fromProperties(java.util.Map.of("hidden", "3")));
        assertTrue(e.getMessage().startsWith("unknown tagger option \"hidden\"; known options: ["), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaggerConfig.defaults().with("cell", "lsmt"));
        assertEquals("unknown cell \"lsmt\"; valid cells: [rnn, gru, lstm]", e.getMessage());
    }

    @Test
    void preTrainedVectorsInitialiseTheEmbeddings() throws IOException {
        Path vec = dir.resolve("vectors.txt");
        Files.writeString(vec, "3 4\nthe 1 0 0 0\ndog 0 1 0 0\nunicorn 0 0 1 0\n");
        TaggerConfig config = TaggerConfig.defaults().withHiddenSize(8).withEpochs(1).withThreads(1)
                .withEmbeddings(vec.toString()).withFreezeEmbeddings(true);
        List<String> messages = new ArrayList<>();
        Tagger t = new TaggerTrainer(config).listener(new TaggerListener() {
            @Override
            public void onEpoch(EpochReport report) {
            }

            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        }).train(train, List.of());
        assertEquals(4, t.config().embeddingDim());
        assertTrue(messages.contains("embedding dimension 4 taken from " + vec), messages.toString());
        assertTrue(messages.contains("pre-trained vectors: 3 of 9 words from " + vec), messages.toString());
    }
}
