package dev.lexis.sequence;

import java.util.List;
import java.util.Locale;

/**
 * A tagger's scores on gold-tagged sentences: conlleval's token accuracy and chunk precision / recall / F1, and
 * how many gold tokens carry a tag the model never saw in training (they always count as errors).
 *
 * @param spans           token and chunk counts (see {@link SpanEvaluation})
 * @param unseenTagTokens gold tokens whose tag is not one of the model's tags
 * @param unseenTags      those tags, sorted
 */
public record TagEvaluation(SpanEvaluation spans, long unseenTagTokens, List<String> unseenTags) {
    public TagEvaluation {
        unseenTags = List.copyOf(unseenTags);
    }

    /** Token accuracy in [0, 1]. */
    public double accuracy() {
        return spans.accuracy();
    }

    /** Chunk F1 in percent (0 when the tags have no chunks, e.g. POS tags). */
    public double f1() {
        return spans.f1();
    }

    public long tokens() {
        return spans.tokens();
    }

    /** The command line's last line: {@code accuracy=0.9531 f1=91.84 tokens=47377}. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "accuracy=%.4f f1=%.2f tokens=%d", accuracy(), f1(), tokens());
    }
}
