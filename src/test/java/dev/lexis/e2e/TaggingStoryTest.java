package dev.lexis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.lexis.corpora.ConllSentence;
import dev.lexis.sequence.Tagger;
import dev.lexis.sequence.TaggerConfig;
import dev.lexis.sequence.TaggerTrainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User story: tag text from Java code: train a part-of-speech tagger on tagged sentences, save it, load it and
 * tag new sentences.
 *
 * <p>The sentences are generated, and some words are both nouns and verbs ("book", "watch", "play", "plan"):
 * only the context tells which, so the tagger has to use it.
 */
class TaggingStoryTest {

    private static final List<String> PRONOUNS = List.of("i", "we", "you", "they");
    private static final List<String> VERBS = List.of("see", "like", "want", "need");
    private static final List<String> NOUNS = List.of("room", "car", "house", "table");
    private static final List<String> BOTH = List.of("book", "watch", "play", "plan");
    private static final List<String> ADJECTIVES = List.of("red", "big", "small", "new");

    @TempDir
    Path dir;

    private static String pick(List<String> a, List<String> b, SplittableRandom random) {
        return random.nextBoolean() ? a.get(random.nextInt(a.size())) : b.get(random.nextInt(b.size()));
    }

    /** "we book the room" (PRON VERB DET NOUN) or "the book is red" (DET NOUN VERB ADJ). */
    private static List<ConllSentence> sentences(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ConllSentence> sentences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String det = random.nextBoolean() ? "the" : "a";
            if (random.nextBoolean()) {
                sentences.add(ConllSentence.of(
                        new String[] {pick(PRONOUNS, PRONOUNS, random), pick(VERBS, BOTH, random), det,
                                pick(NOUNS, BOTH, random)},
                        new String[] {"PRON", "VERB", "DET", "NOUN"}));
            } else {
                sentences.add(ConllSentence.of(
                        new String[] {det, pick(NOUNS, BOTH, random), "is", pick(ADJECTIVES, ADJECTIVES, random)},
                        new String[] {"DET", "NOUN", "VERB", "ADJ"}));
            }
        }
        return sentences;
    }

    @Test
    void trainSaveLoadAndTagFromJava() throws Exception {
        TaggerConfig config = TaggerConfig.defaults()
                .withEmbeddingDim(16)
                .withHiddenSize(16)
                .withEpochs(15)
                .withBatchSize(16)
                .withLearningRate(0.01f)
                .withThreads(1)
                .withSeed(5);
        Tagger tagger = new TaggerTrainer(config).train(sentences(400, 1), List.of());

        Path file = dir.resolve("pos.lexis");
        tagger.save(file);
        Tagger loaded = Tagger.load(file);

        assertEquals(List.of("PRON", "VERB", "DET", "NOUN"), loaded.tag(List.of("we", "book", "the", "play")));
        assertEquals(List.of("DET", "NOUN", "VERB", "ADJ"), loaded.tag(List.of("the", "book", "is", "new")));
        assertEquals(List.of(), loaded.tag(List.of()));
        double accuracy = loaded.evaluate(sentences(100, 2)).accuracy();
        assertTrue(accuracy >= 0.98, "token accuracy on generated sentences " + accuracy);
    }
}
