package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A small synthetic three-class set: each class has its own cue words among shared filler words. */
final class ToyData {
    private static final String[][] CUES = {
            {"great", "wonderful", "superb", "moving"},
            {"awful", "dull", "boring", "clumsy"},
            {"when", "where", "who", "which"}};
    private static final String[] LABELS = {"pos", "neg", "question"};
    private static final String[] FILLER = {"the", "film", "a", "story", "of", "and", "it", "is", "this", "plot", "was"};

    private ToyData() {
    }

    static List<LabelledText> make(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            int len = 4 + random.nextInt(8);
            StringBuilder sb = new StringBuilder();
            int cueAt = random.nextInt(len);
            for (int k = 0; k < len; k++) {
                String w = k == cueAt ? CUES[c][random.nextInt(4)] : FILLER[random.nextInt(FILLER.length)];
                sb.append(k == 0 ? "" : " ").append(w);
            }
            out.add(new LabelledText(LABELS[c], sb.toString(), "toy:" + (i + 2)));
        }
        return out;
    }

    /**
     * Writes a word2vec text file of five 4-dimensional vectors for words of the toy sentences (and one word they
     * never use): word i has 0.9 in dimension i mod 4 and -0.1 elsewhere.
     */
    static java.nio.file.Path writeVectors(java.nio.file.Path file) throws java.io.IOException {
        String[] words = {"great", "awful", "when", "film", "unseenword"};
        StringBuilder sb = new StringBuilder(words.length + " 4\n");
        for (int i = 0; i < words.length; i++) {
            sb.append(words[i]);
            for (int d = 0; d < 4; d++) {
                sb.append(' ').append(d == i % 4 ? "0.9" : "-0.1");
            }
            sb.append('\n');
        }
        return java.nio.file.Files.writeString(file, sb);
    }

    /** A small, quick, one-thread TextCNN config in {@code mode} on the pre-trained {@code vectors} file. */
    static TextCnnConfig pretrainedConfig(CnnMode mode, java.nio.file.Path vectors) {
        return TextCnnConfig.defaults().withEmbeddingDim(0).withEmbeddings(mode, vectors.toString())
                .withFilters(List.of(2, 3), 4).withEpochs(2).withThreads(1).withSeed(2);
    }
}
