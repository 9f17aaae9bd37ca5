package dev.lexis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.lexis.cli.Main;
import dev.lexis.embeddings.Neighbor;
import dev.lexis.embeddings.TrainingListener;
import dev.lexis.embeddings.Word2VecConfig;
import dev.lexis.embeddings.Word2VecTrainer;
import dev.lexis.embeddings.WordVectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User story: train word vectors from a text file and ask for the nearest words, from Java code and from the
 * command line, through a saved vectors file.
 *
 * <p>The text is generated with a known structure: each line talks about one topic (animals, colours or
 * numbers) with its own words plus words common to all lines, so the nearest words of a topic word must be
 * words of the same topic.
 */
class WordVectorsStoryTest {

    private static final List<List<String>> TOPICS = List.of(
            List.of("cat", "dog", "horse", "cow", "sheep", "goat", "pig", "mouse"),
            List.of("red", "green", "blue", "yellow", "black", "white", "purple", "orange"),
            List.of("one", "two", "three", "four", "five", "six", "seven", "eight"));
    private static final List<String> COMMON = List.of("the", "and", "a", "of", "is", "with", "this", "that");

    @TempDir
    Path dir;

    private Path corpus;

    @BeforeEach
    void writeCorpus() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            List<String> topic = TOPICS.get(random.nextInt(TOPICS.size()));
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                List<String> pool = random.nextInt(3) == 0 ? COMMON : topic;
                line.append(w == 0 ? "" : " ").append(pool.get(random.nextInt(pool.size())));
            }
            lines.add(line.toString());
        }
        corpus = Files.write(dir.resolve("corpus.txt"), lines);
    }

    private static List<String> topicOf(String word) {
        return TOPICS.stream().filter(topic -> topic.contains(word)).findFirst().orElseThrow();
    }

    @Test
    void trainFromJavaSaveLoadAndAskForNearestWords() throws Exception {
        var config = Word2VecConfig.defaults()
                .withArchitecture(Word2VecConfig.Architecture.SKIP_GRAM)
                .withEmbeddingDim(20)
                .withEpochs(5)
                .withMinCount(1)
                .withThreads(1)
                .withSeed(42);
        WordVectors vectors = new Word2VecTrainer(config).train(corpus, TrainingListener.NONE);
        assertEquals(TOPICS.size() * 8 + COMMON.size(), vectors.size());

        Path file = dir.resolve("vectors.bin");
        vectors.save(file);
        WordVectors loaded = WordVectors.load(file);
        for (String word : List.of("cat", "blue", "three")) {
            List<Neighbor> nearest = loaded.nearest(word, 5);
            assertEquals(5, nearest.size());
            for (Neighbor neighbor : nearest) {
                assertTrue(topicOf(word).contains(neighbor.word()),
                        () -> "nearest words of " + word + " should be of its topic: " + nearest);
            }
            assertEquals(vectors.nearest(word, 5).stream().map(Neighbor::word).toList(),
                    nearest.stream().map(Neighbor::word).toList(), "the loaded vectors answer as the trained ones");
        }
        assertTrue(loaded.similarity("cat", "dog") > loaded.similarity("cat", "blue"));
    }

    @Test
    void trainAndQueryFromTheCommandLine() {
        Path vectors = dir.resolve("vectors.txt");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"word2vec", "--input", corpus.toString(), "--output", vectors.toString(),
                        "--model", "skipgram", "--dim", "20", "--epochs", "5", "--min-count", "1", "--threads", "1"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        assertEquals(Main.OK, code, err::toString);
        assertTrue(Files.isRegularFile(vectors), out::toString);

        out = new StringWriter();
        err = new StringWriter();
        code = Main.run(new String[] {"nearest", "--vectors", vectors.toString(), "--top", "3", "horse"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        assertEquals(Main.OK, code, err::toString);
        String answer = out.toString();
        long animals = TOPICS.get(0).stream().filter(w -> !w.equals("horse"))
                .filter(w -> answer.matches("(?s).*\\b" + w + "\\b.*")).count();
        assertEquals(3, animals, answer);

        out = new StringWriter();
        err = new StringWriter();
        code = Main.run(new String[] {"nearest", "--vectors", vectors.toString(), "unicorn"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        assertTrue(err.toString().contains("unicorn"), "an unknown word is named: " + err + out);
    }
}
