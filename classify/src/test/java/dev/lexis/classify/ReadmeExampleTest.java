package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lexis.corpora.LabelledCsv;
import dev.lexis.corpora.LabelledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, on toy data (keep the two in step). */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeExampleRuns() throws IOException {
        Path csv = dir.resolve("train.csv");
        StringBuilder sb = new StringBuilder("label,text\n");
        for (LabelledText t : ToyData.make(300, 1)) {
            sb.append(t.label()).append(",\"").append(t.text()).append("\"\n");
        }
        Files.writeString(csv, sb);
        Path modelFile = dir.resolve("trec.lexis");

        List<LabelledText> train = LabelledCsv.of(csv).readAll().rows();    // header label,text
        var parts = CrossValidation.holdOut(train, 0.1, 1);              // [train, dev]: dev picks the epoch
        TextCnnConfig config = TextCnnConfig.defaults().withEpochs(6)     // Kim 2014 CNN-rand defaults
                .withEmbeddingDim(16).withFilters(List.of(2, 3), 8).withBatchSize(10);   // (smaller: a quick test)
        TextClassifier model = new TextCnnTrainer(config).train(parts.get(0), parts.get(1), r -> { });
        model.save(modelFile);
        TextClassifier loaded = TextClassifier.load(modelFile);
        Prediction p = loaded.predict("the story was superb");
        assertEquals("pos", p.label());
        assertEquals(3, loaded.topK("the story was superb", 3).size());
        assertEquals(1.0, loaded.evaluate(ToyData.make(30, 2)).accuracy(), 0.1);
    }
}
