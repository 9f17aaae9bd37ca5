package dev.lexis.sequence;

import dev.lexis.corpora.ConllSentence;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A trained sequence tagger (part-of-speech tags, chunks, named entities): word embeddings → (bidirectional)
 * LSTM / GRU / RNN layers → dense → softmax per token, the BiLSTM tagger of Huang, Xu &amp; Yu (2015) without
 * the CRF layer. Immutable and thread-safe: {@link #tag} may be called from many threads at once.
 *
 * <pre>{@code
 * List<ConllSentence> train = ConllCorpus.of(Path.of("train.txt"), ConllOptions.defaults().withTagColumn(2)).readAll();
 * Tagger tagger = new TaggerTrainer(TaggerConfig.defaults()).listener(TaggerListener.stderr()).train(train, dev);
 * tagger.save(Path.of("chunker.lexis"));
 * List<String> tags = Tagger.load(Path.of("chunker.lexis")).tag(List.of("He", "reckons", "the", "deficit"));
 * }</pre>
 *
 * <p>Words never seen in training (nor in the pre-trained vectors) share the {@code <unk>} vector. Any sentence
 * length works (a 10,000-token sentence is tagged in one pass; memory grows linearly with it).
 */
public final class Tagger {
    /** The model-file kind. */
    public static final String KIND = "tagger";
    private static final int PREDICT_BATCH = 64;

    private final TaggerConfig config;
    private final TokenEncoder encoder;
    private final List<String> tags;
    private final Map<String, Integer> tagIds;
    private final TaggerNetwork network;
    private final Map<String, String> provenance;
    private final ThreadLocal<Tape> tapes = ThreadLocal.withInitial(() -> new Tape().setTraining(false));

    Tagger(TaggerConfig config, TokenEncoder encoder, List<String> tags, TaggerNetwork network,
           Map<String, String> provenance) {
        this.config = config;
        this.encoder = encoder;
        this.tags = List.copyOf(tags);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            ids.put(tags.get(i), i);
        }
        this.tagIds = Collections.unmodifiableMap(ids);
        this.network = network;
        this.provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
    }

    public TaggerConfig config() {
        return config;
    }

    /** The tags the model can assign, sorted. */
    public List<String> tags() {
        return tags;
    }

    /** Words with their own embedding ({@code <unk>} included). */
    public int vocabularySize() {
        return encoder.vocabularySize();
    }

    /** Training facts kept with the model (training file, sentences, tokens, best epoch, ...). */
    public Map<String, String> provenance() {
        return provenance;
    }

    /** The parameters (for inspection; do not change them). */
    public List<Parameter> parameters() {
        return network.parameters();
    }

    /**
     * Tags one sentence (an empty list gives an empty list).
     *
     * @throws IllegalArgumentException if a token is null
     */
    public List<String> tag(List<String> tokens) {
        return tagAll(List.of(tokens)).get(0);
    }

    /**
     * Tags many sentences, batched by length and spread over {@link TaggerConfig#threads()} threads.
     *
     * @throws IllegalArgumentException if a token is null, or the tagger reads an extra input column
     *                                  ({@link TaggerConfig#inputColumn()}; use {@link #tagRows} then)
     */
    public List<List<String>> tagAll(List<List<String>> sentences) {
        if (config.inputColumn() != 0) {
            throw new IllegalArgumentException("this tagger reads column " + config.inputColumn()
                    + " of CoNLL rows besides the token (inputColumn); give it CoNLL rows (tagRows, lexis tag test), "
                    + "not bare tokens");
        }
        List<EncodedSentence> encoded = new ArrayList<>(sentences.size());
        for (List<String> s : sentences) {
            String[] tokens = s.toArray(new String[0]);
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i] == null) {
                    throw new IllegalArgumentException("token " + i + " of a sentence is null");
                }
            }
            encoded.add(EncodedSentence.of(encoder, tokens, null));
        }
        return tagNames(predict(encoded, config.threads()));
    }

    /**
     * Tags CoNLL sentences (their token column, and the {@link TaggerConfig#inputColumn()} when the tagger reads
     * one); their tag column is ignored.
     *
     * @throws IllegalArgumentException naming the file and line of a sentence that lacks the input column
     */
    public List<List<String>> tagRows(List<ConllSentence> sentences) {
        List<EncodedSentence> encoded = new ArrayList<>(sentences.size());
        for (ConllSentence s : sentences) {
            encoded.add(EncodedSentence.of(encoder, s.tokens(),
                    config.inputColumn() == 0 ? null : inputColumn(s, config.inputColumn()), null));
        }
        return tagNames(predict(encoded, config.threads()));
    }

    /** Tag ids per sentence mapped to tag names. */
    private List<List<String>> tagNames(int[][] predicted) {
        List<List<String>> out = new ArrayList<>(predicted.length);
        for (int[] p : predicted) {
            String[] t = new String[p.length];
            for (int i = 0; i < p.length; i++) {
                t[i] = tags.get(p[i]);
            }
            out.add(List.of(t));
        }
        return out;
    }

    /** Column {@code column} of a sentence, or an error naming its file and line. */
    static String[] inputColumn(ConllSentence s, int column) {
        try {
            return s.column(column);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(s.file() + ":" + s.firstLine() + ": the tagger reads column " + column
                    + " as input (inputColumn), but the sentence has " + s.columnCount() + " column(s)", e);
        }
    }

    /**
     * Tags the sentences and compares with their gold tags (conlleval's accuracy and chunk F1). Tags the model
     * never saw count as errors and are listed in the result.
     */
    public TagEvaluation evaluate(List<ConllSentence> gold) {
        List<EncodedSentence> encoded = new ArrayList<>(gold.size());
        long unseenTokens = 0;
        TreeSet<String> unseen = new TreeSet<>();
        for (ConllSentence s : gold) {
            String[] goldTags = s.tags();
            int[] ids = new int[goldTags.length];
            for (int i = 0; i < ids.length; i++) {
                Integer id = tagIds.get(goldTags[i]);
                if (id == null) {
                    unseenTokens++;
                    unseen.add(goldTags[i]);
                }
                ids[i] = id == null ? -1 : id;
            }
            encoded.add(EncodedSentence.of(encoder, s.tokens(),
                    config.inputColumn() == 0 ? null : inputColumn(s, config.inputColumn()), ids));
        }
        int[][] predicted = predict(encoded, config.threads());
        SpanEvaluation.Builder spans = SpanEvaluation.builder();
        for (int i = 0; i < predicted.length; i++) {
            String[] guess = new String[predicted[i].length];
            for (int t = 0; t < guess.length; t++) {
                guess[t] = tags.get(predicted[i][t]);
            }
            spans.add(Arrays.asList(gold.get(i).tags()), Arrays.asList(guess));
        }
        return new TagEvaluation(spans.build(), unseenTokens, new ArrayList<>(unseen));
    }

    /** Tag ids per sentence, in input order. */
    int[][] predict(List<EncodedSentence> sentences, int threads) {
        int n = sentences.size();
        int[][] out = new int[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(sentences.get(b).length(), sentences.get(a).length()));
        int chunks = (n + PREDICT_BATCH - 1) / PREDICT_BATCH;
        int workers = Math.max(1, Math.min(threads, chunks));
        if (workers == 1) {
            predictChunks(sentences, order, out, 0, 1);
            return out;
        }
        List<Thread> started = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        for (int w = 1; w < workers; w++) {
            int worker = w;
            started.add(Thread.ofPlatform().name("lexis-tagger-" + w).daemon().start(() -> {
                try {
                    predictChunks(sentences, order, out, worker, workers);
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }));
        }
        predictChunks(sentences, order, out, 0, workers);
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while tagging", e);
            }
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return out;
    }

    private void predictChunks(List<EncodedSentence> sentences, Integer[] order, int[][] out, int worker, int workers) {
        Tape tape = tapes.get();
        SentenceBatch batch = new SentenceBatch();
        List<EncodedSentence> part = new ArrayList<>(PREDICT_BATCH);
        int classes = tags.size();
        for (int start = worker * PREDICT_BATCH; start < order.length; start += workers * PREDICT_BATCH) {
            int end = Math.min(order.length, start + PREDICT_BATCH);
            part.clear();
            for (int i = start; i < end; i++) {
                part.add(sentences.get(order[i]));
            }
            batch.fill(part, null, 0f, null);
            for (int s = 0; s < batch.batch; s++) {
                out[order[start + s]] = new int[batch.lengths[s]];
            }
            if (batch.steps == 0) {
                continue;
            }
            tape.reset();
            Var logits = network.logits(tape, batch);
            Tensor v = logits.value();
            float[] d = v.data();
            int off = v.offset();
            for (int s = 0; s < batch.batch; s++) {
                int[] row = out[order[start + s]];
                for (int t = 0; t < row.length; t++) {
                    int base = off + (t * batch.batch + s) * classes;
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        if (d[base + c] > d[base + best]) {
                            best = c;
                        }
                    }
                    row[t] = best;
                }
            }
        }
        tape.reset();
    }

    /**
     * Writes the model in the Lexis model-file format (kind {@value #KIND}): config, vocabulary, tags, suffixes,
     * parameters; atomically (temporary file, then rename).
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path file) throws IOException {
        ModelFile.Builder b = ModelFile.builder(KIND).config(config.toProperties());
        provenance.forEach((k, v) -> b.config("provenance." + k, v));
        List<String> words = encoder.words();
        b.vocabulary(words, new long[words.size()]);
        b.strings("tags", tags);
        b.strings("suffixes", encoder.suffixes());
        if (config.inputColumn() != 0) {
            b.strings("columnValues", encoder.columnValues());
        }
        b.parameters(network.parameters());
        b.build().save(file);
    }

    /**
     * Reads a tagger written by {@link #save}.
     *
     * @throws IOException naming the file when it cannot be read, is not a Lexis model file, holds another kind
     *                     of model ({@code m.lexis: is a textcnn model, expected tagger}) or is inconsistent
     */
    public static Tagger load(Path file) throws IOException {
        ModelFile m = ModelFile.load(file, KIND);
        Map<String, String> props = new HashMap<>();
        Map<String, String> provenance = new HashMap<>();
        m.config().forEach((k, v) -> {
            if (k.startsWith("provenance.")) {
                provenance.put(k.substring("provenance.".length()), v);
            } else {
                props.put(k, v);
            }
        });
        try {
            TaggerConfig config = TaggerConfig.fromProperties(props);
            TokenEncoder encoder = new TokenEncoder(m.vocabularyWords(), m.strings("suffixes"), config.lowercase(),
                    config.subwordDim() > 0 ? TaggerConfig.SUBWORD_BUCKETS : 0,
                    config.inputColumn() != 0 ? m.strings("columnValues") : List.of());
            Map<String, Tensor> tensors = new HashMap<>();
            for (String name : m.tensorNames()) {
                tensors.put(name, m.tensor(name));
            }
            TaggerNetwork network = TaggerNetwork.of(config, tensors);
            List<String> tags = m.strings("tags");
            if (network.embedding.value().dim(0) != encoder.vocabularySize() || network.tagCount() != tags.size()) {
                throw new IOException(file + ": inconsistent tagger: " + encoder.vocabularySize() + " words and "
                        + tags.size() + " tags, but the embedding has " + network.embedding.value().dim(0)
                        + " rows and the output " + network.tagCount() + " columns");
            }
            return new Tagger(config, encoder, tags, network, provenance);
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new IOException(file + ": not a valid tagger model: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Tagger[" + config.cell().key() + (config.bidirectional() ? ", bidirectional" : "") + ", "
                + config.layers() + " layer(s) of " + config.hiddenSize() + ", " + encoder.vocabularySize()
                + " words, " + tags.size() + " tags]";
    }
}
