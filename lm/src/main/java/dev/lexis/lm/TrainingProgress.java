package dev.lexis.lm;

import java.util.Locale;

/**
 * A progress report of NNLM training.
 *
 * @param epoch           the current epoch, from 1
 * @param epochs          the maximum number of epochs
 * @param step            updates done so far in the whole run
 * @param epochWords      training words (n-grams) done in this epoch
 * @param epochTotal      training words per epoch
 * @param loss            mean −ln p over this epoch's words so far (nats)
 * @param wordsPerSecond  training speed of this epoch (words / second of wall time in training steps)
 * @param etaSeconds      estimated seconds left in this epoch
 * @param learningRate    the learning rate of the last step
 * @param validPerplexity validation perplexity at the end of the epoch, NaN during it
 * @param epochEnd        whether this is the end-of-epoch report
 */
public record TrainingProgress(int epoch, int epochs, long step, long epochWords, long epochTotal, double loss,
                               double wordsPerSecond, double etaSeconds, double learningRate,
                               double validPerplexity, boolean epochEnd) {

    /** Training perplexity so far in this epoch, exp(loss). */
    public double trainPerplexity() {
        return Math.exp(loss);
    }

    /** One line, e.g. {@code epoch 1/5 42.0% loss 5.713 ppl 302.6 words/s 10512 lr 0.1 eta 48s}. */
    @Override
    public String toString() {
        if (epochEnd) {
            return String.format(Locale.ROOT, "epoch %d/%d done: train loss %.4f ppl %.2f, valid ppl %.2f, "
                            + "words/s %.0f, lr %.4g", epoch, epochs, loss, trainPerplexity(), validPerplexity,
                    wordsPerSecond, learningRate);
        }
        return String.format(Locale.ROOT, "epoch %d/%d %.1f%% loss %.4f ppl %.2f words/s %.0f lr %.4g eta %.0fs",
                epoch, epochs, 100.0 * epochWords / Math.max(1, epochTotal), loss, trainPerplexity(),
                wordsPerSecond, learningRate, etaSeconds);
    }
}
