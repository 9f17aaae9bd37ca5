package dev.lexis.classify;

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
}
