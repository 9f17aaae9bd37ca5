package dev.lexis.lm;

import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/** Helpers shared by the model files of this package. */
final class LmFiles {
    private LmFiles() {
    }

    static IOException wrongKind(Path file, String kind) {
        return new IOException(file + ": is a " + kind + " model, expected a language model ("
                + NeuralLanguageModel.KIND + " or " + KneserNeyModel.KIND + ")");
    }

    static LmVocabulary vocabulary(ModelFile model) {
        try {
            return LmVocabulary.of(model.vocabularyWords(), model.vocabularyCounts());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model.source() + ": bad vocabulary: " + e.getMessage(), e);
        }
    }

    static int intConfig(ModelFile model, String key) {
        String v = model.config(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(model.source() + ": config " + key + "=" + v + " is not an integer", e);
        }
    }

    static double doubleConfig(ModelFile model, String key) {
        String v = model.config(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(model.source() + ": config " + key + "=" + v + " is not a number", e);
        }
    }

    static void checkIds(int[] ids, int vocabSize) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocabSize) {
                throw new IllegalArgumentException("id " + ids[i] + " at position " + i + " out of range [0, "
                        + vocabSize + ")");
            }
        }
    }

    static NoSuchElementException missing(ModelFile model, String what) {
        return new NoSuchElementException(model.source() + ": " + what);
    }
}
