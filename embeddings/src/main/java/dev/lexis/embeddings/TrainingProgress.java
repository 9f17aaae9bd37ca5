package dev.lexis.embeddings;

import java.util.Locale;

/**
 * A progress report of the word2vec trainer.
 *
 * @param epoch                 current epoch, 1-based
 * @param epochs                all epochs
 * @param fraction              share of all training done, in [0, 1]
 * @param alpha                 current learning rate
 * @param wordsPerSecond        corpus words processed per second of training, all threads together
 * @param wordsPerSecondPerThread the same divided by the threads
 * @param loss                  mean loss per prediction so far in this epoch (negative log-likelihood of each
 *                              hierarchical-softmax node or negative-sampling target), measured on a random
 *                              eighth of the positions
 * @param etaSeconds            estimated seconds to the end
 * @param epochEnd              true for the report at the end of an epoch (its loss is the epoch's loss)
 */
public record TrainingProgress(int epoch, int epochs, double fraction, double alpha, double wordsPerSecond,
                               double wordsPerSecondPerThread, double loss, double etaSeconds, boolean epochEnd) {

    /** One line, e.g. {@code epoch 2/5  41.3%  alpha 0.014711  words/s 1.92M (961k/thread)  loss 2.3512  ETA 12s}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %d/%d %5.1f%%  alpha %.6f  words/s %s (%s/thread)  loss %.4f  %s",
                epochEnd ? "epoch done" : "epoch", epoch, epochs, fraction * 100, alpha, human(wordsPerSecond),
                human(wordsPerSecondPerThread), loss, epochEnd && epoch == epochs ? "done" : "ETA " + eta());
    }

    private String eta() {
        long s = Math.round(etaSeconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    static String human(double x) {
        if (x >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", x / 1e6);
        }
        if (x >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk", x / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", x);
    }
}
