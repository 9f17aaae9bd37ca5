package dev.lexis.classify;

/**
 * Kim (2014)'s four ways of feeding words to the TextCNN.
 */
public enum CnnMode {
    /** CNN-rand: embeddings initialised at random and learned with the network. */
    RAND("rand"),
    /** CNN-static: pre-trained vectors, kept fixed (unknown words get random vectors, also fixed). */
    STATIC("static"),
    /** CNN-non-static: pre-trained vectors, fine-tuned with the network. */
    NON_STATIC("non-static"),
    /**
     * CNN-multichannel: two channels of pre-trained vectors, one fixed and one fine-tuned; each filter has weights
     * for both channels and adds the two results (a two-channel convolution).
     */
    MULTICHANNEL("multichannel");

    private final String spec;

    CnnMode(String spec) {
        this.spec = spec;
    }

    /** The name used on the command line and in model files: {@code rand}, {@code static}, ... */
    public String spec() {
        return spec;
    }

    /** Whether this mode starts from pre-trained vectors. */
    public boolean pretrained() {
        return this != RAND;
    }

    /** Whether this mode has a fixed (static) embedding channel. */
    boolean hasStaticChannel() {
        return this == STATIC || this == MULTICHANNEL;
    }

    /** Whether this mode has a fine-tuned embedding channel. */
    boolean hasTunedChannel() {
        return this != STATIC;
    }

    /**
     * The mode called {@code spec}.
     *
     * @throws IllegalArgumentException naming the known modes
     */
    public static CnnMode of(String spec) {
        for (CnnMode m : values()) {
            if (m.spec.equals(spec)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown TextCNN mode \"" + spec
                + "\"; known modes: rand, static, non-static, multichannel");
    }
}
