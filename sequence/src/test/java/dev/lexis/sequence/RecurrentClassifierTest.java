package dev.lexis.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.classify.Prediction;
import dev.lexis.classify.TextClassifier;
import dev.lexis.classify.TextClassifiers;
import dev.lexis.classify.TrainingListener;
import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.GradientCheck;
import dev.lexis.nn.Ops;
import dev.lexis.nn.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recurrent classifier behind the TextClassifier API, on a generated task that needs word order: "not good"
 * is negative and "good" positive, among random filler words.
 */
class RecurrentClassifierTest {
    @TempDir
    Path dir;

    static List<LabelledText> texts(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] filler = {"the", "film", "was", "plot", "actors", "really", "quite", "story"};
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int before = r.nextInt(5);
            for (int k = 0; k < before; k++) {
                sb.append(filler[r.nextInt(filler.length)]).append(' ');
            }
            boolean negated = r.nextBoolean();
            boolean good = r.nextBoolean();
            sb.append(negated ? "not " : "").append(good ? "good" : "bad");
            int after = r.nextInt(5);
            for (int k = 0; k < after; k++) {
                sb.append(' ').append(filler[r.nextInt(filler.length)]);
            }
            out.add(new LabelledText(good != negated ? "pos" : "neg", sb.toString()));
        }
        return out;
    }

    @Test
    void bilstmIsRegisteredAndLearnsNegation() throws IOException {
        assertTrue(TextClassifiers.names().containsAll(List.of("bilstm", "lstm", "bigru", "gru")), TextClassifiers.names().toString());
        List<String> log = new ArrayList<>();
        TextClassifier model = TextClassifiers.train("bilstm",
                Map.of("epochs", "8", "hiddenSize", "16", "embeddingDim", "16", "learningRate", "0.01",
                        "dropout", "0.1", "threads", "2"),
                texts(600, 1), texts(100, 2), r -> log.add(r.toString()));
        assertEquals(RecurrentClassifier.KIND, model.kind());
        assertEquals(List.of("neg", "pos"), model.labels());
        double accuracy = model.evaluate(texts(200, 3)).accuracy();
        assertTrue(accuracy > 0.95, "accuracy " + accuracy + " " + log);
        assertEquals("neg", model.predict("the film was not good").label());
        assertEquals("pos", model.predict("the film was not bad").label());
        Prediction empty = model.predict("   ");
        assertEquals(1.0, empty.ranked().get(0).probability() + empty.ranked().get(1).probability(), 1e-6);

        Path file = dir.resolve("bilstm.lexis");
        model.save(file);
        TextClassifier loaded = TextClassifier.load(file);
        assertEquals(model.predict("quite good story").probability(), loaded.predict("quite good story").probability(), 1e-6);
        assertEquals(model.config(), loaded.config());
    }

    @Test
    void lastStatePoolingAndGruTrainToo() throws IOException {
        TextClassifier model = TextClassifiers.train("gru", Map.of("epochs", "6", "hiddenSize", "16",
                "embeddingDim", "16", "learningRate", "0.01", "pooling", "last", "threads", "1", "dropout", "0"),
                texts(600, 1), List.of(), TrainingListener.NONE);
        double accuracy = model.evaluate(texts(200, 3)).accuracy();
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
    }

    @Test
    void poolingGradientsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        int batch = 2;
        int steps = 3;
        int[] lengths = {3, 2};
        for (SequencePooling pooling : SequencePooling.values()) {
            Tensor x = Tensor.zeros(steps * batch, 4);
            for (int r = 0; r < steps * batch; r++) {
                if (r / batch < lengths[r % batch]) {
                    for (int c = 0; c < 4; c++) {
                        x.set(r, c, (float) (random.nextDouble() * 2 - 1));
                    }
                }
            }
            Parameter p = Parameter.dense("states", x);
            Tensor tilt = Tensor.of(new float[] {0.3f, -0.7f, 1.1f, 0.5f, -0.2f, 0.9f, 0.4f, -1.3f}, batch, 4);
            GradientCheck.assertMatches(List.of(p), tape -> Ops.sum(Ops.mul(
                    pooling.pool(tape.param(p), batch, lengths, true), tape.constant(tilt))), 1e-3, 1e-2);
        }
    }

    @Test
    void badOptionsAndDataAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> TextClassifiers.train("bilstm",
                Map.of("filters", "3"), texts(10, 1), List.of(), TrainingListener.NONE));
        assertTrue(e.getMessage().startsWith("unknown option \"filters\" for a recurrent classifier; known options: ["),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TextClassifiers.train("bilstm", Map.of(),
                List.of(new LabelledText("a", "good"), new LabelledText("a", "bad")), List.of(), TrainingListener.NONE));
        assertEquals("need at least two labels to train a classifier, got [a]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SequencePooling.parse("mean"));
        assertEquals("unknown pooling \"mean\"; valid: [max, last]", e.getMessage());
        new Tape();
    }
}
