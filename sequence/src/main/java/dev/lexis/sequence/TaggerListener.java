package dev.lexis.sequence;

import java.util.Locale;

/** Receives a tagger's training progress (called on the training thread). */
public interface TaggerListener {
    /** Ignores everything. */
    TaggerListener NONE = new TaggerListener() {
        @Override
        public void onEpoch(EpochReport report) {
        }
    };

    /** One report per epoch. */
    void onEpoch(EpochReport report);

    /** Free-form information: data sizes, vocabulary, the kept epoch. */
    default void onMessage(String message) {
    }

    /** A listener printing every report and message as one line on standard error. */
    static TaggerListener stderr() {
        return new TaggerListener() {
            @Override
            public void onEpoch(EpochReport report) {
                System.err.println(report);
            }

            @Override
            public void onMessage(String message) {
                System.err.println(message);
            }
        };
    }

    /**
     * The state after one epoch.
     *
     * @param epoch          1-based
     * @param epochs         configured epochs
     * @param loss           mean training cross-entropy per token (nats)
     * @param tokensPerSecond training tokens per second of training steps (evaluation excluded)
     * @param devAccuracy    dev token accuracy in [0, 1], NaN without a dev set
     * @param devF1          dev chunk F1 in percent, NaN without a dev set or for tags without chunks
     * @param best           whether this is the best epoch so far on the dev set (the one kept)
     * @param seconds        wall-clock seconds of the epoch, evaluation included
     */
    record EpochReport(int epoch, int epochs, double loss, double tokensPerSecond, double devAccuracy, double devF1,
                       boolean best, double seconds) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d loss %.4f %,.0f tokens/s",
                    epoch, epochs, loss, tokensPerSecond));
            if (!Double.isNaN(devAccuracy)) {
                sb.append(String.format(Locale.ROOT, " dev accuracy %.4f", devAccuracy));
            }
            if (!Double.isNaN(devF1)) {
                sb.append(String.format(Locale.ROOT, " f1 %.2f", devF1));
            }
            sb.append(String.format(Locale.ROOT, " (%.1f s)", seconds));
            if (best && !Double.isNaN(devAccuracy)) {
                sb.append(" *");
            }
            return sb.toString();
        }
    }
}
