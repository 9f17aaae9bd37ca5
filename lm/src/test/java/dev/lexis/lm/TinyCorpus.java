package dev.lexis.lm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A small synthetic corpus from a toy grammar, so that models have something to learn. */
final class TinyCorpus {
    private static final String[] SUBJECTS = {"the cat", "the dog", "a bird", "my friend", "the old man", "she", "he"};
    private static final String[] VERBS = {"sees", "likes", "finds", "wants", "eats"};
    private static final String[] OBJECTS = {"the fish", "a ball", "the red apple", "some bread", "the big house"};
    private static final String[] ENDS = {".", "today .", "again .", "in the garden ."};

    private TinyCorpus() {
    }

    static List<String> sentences(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(SUBJECTS[r.nextInt(SUBJECTS.length)] + " " + VERBS[r.nextInt(VERBS.length)] + " "
                    + OBJECTS[r.nextInt(OBJECTS.length)] + " " + ENDS[r.nextInt(ENDS.length)]
                    + (r.nextInt(20) == 0 ? " rare" + r.nextInt(1000) : ""));
        }
        return lines;
    }

    static Path write(Path dir, String name, int n, long seed) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, sentences(n, seed));
        return file;
    }
}
