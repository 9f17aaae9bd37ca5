package dev.lexis.cli.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.cli.classify.ClassifyCommandTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lexis classify train|test|predict --model bilstm}: the recurrent classifier through classify's commands. */
class ClassifyBilstmTest {
    @TempDir
    Path dir;

    @Test
    void trainTestAndPredictWithABilstm() throws Exception {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(train, ClassifyCommandTest.csv(200, 1));
        Files.writeString(test, ClassifyCommandTest.csv(40, 2));
        Path model = dir.resolve("bilstm.lexis");
        var t = TagCommandTest.run("", "classify", "train", "--model", "bilstm", "--train", train.toString(),
                "--test", test.toString(), "--output", model.toString(), "--epochs", "6", "--dim", "16",
                "--set", "hiddenSize=16", "--lr", "0.01", "--batch", "10", "--threads", "2");
        assertEquals(0, t.code(), t.toString());
        assertTrue(t.lastOut().matches("accuracy=1\\.0000 macro_f1=1\\.0000 n=40"), t.toString());
        var e = TagCommandTest.run("", "classify", "test", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, e.code(), e.toString());
        assertEquals(t.lastOut(), e.lastOut());
        var p = TagCommandTest.run("", "classify", "predict", "--model", model.toString(), "this superb film");
        assertEquals(0, p.code(), p.toString());
        assertTrue(p.out().startsWith("pos\t0."), p.out());
    }
}
