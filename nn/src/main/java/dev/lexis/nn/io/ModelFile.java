package dev.lexis.nn.io;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The contents of a Lexis model file: one self-describing binary format for every Lexis model (word2vec,
 * NNLM, TextCNN, taggers, training checkpoints).
 *
 * <p>A model file holds the model <em>kind</em> (e.g. {@code "textcnn"}), its <em>config</em> as string
 * properties, an optional <em>vocabulary</em> (words with counts), named parameter <em>tensors</em> (name,
 * shape, float32 values) and optional named <em>extra sections</em> (string lists and int arrays, e.g.
 * label names or Huffman codes). Build one with {@link #builder(String)}, write it with {@link #save(Path)}
 * and read it back with {@link #load(Path, String)}.
 *
 * <h2>Layout (version 1, all numbers little-endian)</h2>
 * <pre>
 * magic        4 bytes  0x89 'L' 'X' 'M'
 * version      u32      1
 * length       i64      the whole file's length in bytes, checksum included
 * kind         string   (a string is a u32 byte count, then UTF-8 bytes)
 * config       u32 n, then n × (string key, string value), keys sorted
 * vocabulary   u32 n, then n × (string word, i64 count)
 * tensors      u32 n, then n × (string name, u32 rank, rank × u32 dim, size × f32 value)
 * extras       u32 n, then n × (string name, u8 type, u32 count, payload)
 *                       type 1: count × string;  type 2: count × i32
 * checksum     u32      CRC32C of every byte before it
 * </pre>
 *
 * <p>Files are written to a temporary file in the same directory, forced to disk and renamed over the target
 * (atomically where the file system can), so a crash never leaves half a model under the target name.
 * Reading refuses a foreign, truncated, corrupted or wrong-kind file with a {@link ModelFileException}
 * that names the file and the part that is wrong. I/O is buffered and moves floats in bulk, so a tensor of
 * 100M values reads and writes at disk speed. No Java serialization is involved.
 *
 * <p>A loaded model file is not copied when it hands out tensors: {@link #tensor(String)} returns the loaded
 * tensor itself, which the caller may take over (but should not change while the file is still in use).
 */
public final class ModelFile {
    /** The format version this class writes (and the newest it reads). */
    public static final int FORMAT_VERSION = 1;

    /** The four magic bytes that start every Lexis model file, as a big-endian int: 0x89 'L' 'X' 'M'. */
    public static final int MAGIC = 0x894C584D;

    static final byte EXTRA_STRINGS = 1;
    static final byte EXTRA_INTS = 2;

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private final String source;
    private final String kind;
    private final SortedMap<String, String> config;
    private final List<String> words;
    private final long[] counts;
    private final Map<String, Tensor> tensors;
    private final Map<String, Object> extras;

    ModelFile(String source, String kind, SortedMap<String, String> config, List<String> words, long[] counts,
              Map<String, Tensor> tensors, Map<String, Object> extras) {
        this.source = source;
        this.kind = kind;
        this.config = Collections.unmodifiableSortedMap(config);
        this.words = Collections.unmodifiableList(words);
        this.counts = counts;
        this.tensors = Collections.unmodifiableMap(tensors);
        this.extras = Collections.unmodifiableMap(extras);
    }

    /**
     * Starts a model file of the given kind.
     *
     * @param kind lower-case letters, digits, {@code _ . -}, e.g. {@code "word2vec"}, {@code "textcnn"}
     * @throws IllegalArgumentException if {@code kind} is not of that form
     */
    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    /**
     * Reads a model file of any kind.
     *
     * @throws ModelFileException if the file is not a Lexis model file, is truncated, corrupted or from a
     *                            newer format version (the message names the file and the problem)
     * @throws IOException        if the file cannot be read (not found, no permission)
     */
    public static ModelFile load(Path file) throws IOException {
        return ModelFileReader.read(file, null);
    }

    /**
     * Reads a model file and checks its kind, e.g. {@code load(path, "nnlm")}.
     *
     * @throws ModelFileException as {@link #load(Path)}, and if the file holds another kind of model
     *                            ({@code model.lexis: is a textcnn model, expected nnlm})
     */
    public static ModelFile load(Path file, String expectedKind) throws IOException {
        return ModelFileReader.read(file, expectedKind);
    }

    /**
     * Writes this model file to {@code file}: to a temporary file in the same directory first, then renamed
     * over {@code file} (atomically where supported). The directory must exist.
     *
     * @throws IOException if writing or renaming fails (the temporary file is removed)
     */
    public void save(Path file) throws IOException {
        ModelFileWriter.write(this, file);
    }

    /** Where this model file was read from, or {@code "(in memory)"} for one that was built. */
    public String source() {
        return source;
    }

    /** The model kind, e.g. {@code "word2vec"}. */
    public String kind() {
        return kind;
    }

    /** The config properties, sorted by key (unmodifiable). */
    public SortedMap<String, String> config() {
        return config;
    }

    /** The config value for {@code key}, if present. */
    public Optional<String> findConfig(String key) {
        return Optional.ofNullable(config.get(key));
    }

    /**
     * The config value for {@code key}.
     *
     * @throws NoSuchElementException naming the file and the key if it is absent
     */
    public String config(String key) {
        String value = config.get(key);
        if (value == null) {
            throw new NoSuchElementException(source + ": no config key \"" + key + "\" in this " + kind
                    + " model (keys: " + config.keySet() + ")");
        }
        return value;
    }

    /** The vocabulary's words in id order (unmodifiable; empty when the model has none). */
    public List<String> vocabularyWords() {
        return words;
    }

    /** The vocabulary's counts, parallel to {@link #vocabularyWords()} (a copy). */
    public long[] vocabularyCounts() {
        return counts.clone();
    }

    /** The number of vocabulary words. */
    public int vocabularySize() {
        return words.size();
    }

    /** The tensor names, in file order. */
    public List<String> tensorNames() {
        return List.copyOf(tensors.keySet());
    }

    public boolean hasTensor(String name) {
        return tensors.containsKey(name);
    }

    /**
     * The tensor called {@code name} (not copied).
     *
     * @throws NoSuchElementException naming the file and the tensor if there is none
     */
    public Tensor tensor(String name) {
        Tensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new NoSuchElementException(source + ": no tensor \"" + name + "\" in this " + kind
                    + " model (tensors: " + tensors.keySet() + ")");
        }
        return tensor;
    }

    /**
     * Copies the tensor of the same name into {@code parameter}'s value.
     *
     * @throws NoSuchElementException   if the file has no tensor of that name
     * @throws IllegalArgumentException if the shapes differ (naming file, tensor and both shapes)
     */
    public void copyInto(Parameter parameter) {
        Tensor stored = tensor(parameter.name());
        Tensor target = parameter.value();
        if (!stored.sameShape(target)) {
            throw new IllegalArgumentException(source + ": tensor \"" + parameter.name() + "\" has shape "
                    + Arrays.toString(stored.shape()) + ", the model expects " + Arrays.toString(target.shape()));
        }
        target.copyFrom(stored);
    }

    /** {@link #copyInto(Parameter)} for each parameter. */
    public void copyInto(Collection<Parameter> parameters) {
        for (Parameter p : parameters) {
            copyInto(p);
        }
    }

    /** The names of the extra sections, in file order. */
    public List<String> extraNames() {
        return List.copyOf(extras.keySet());
    }

    /**
     * The string-list section {@code name}.
     *
     * @throws NoSuchElementException if there is none, or it holds ints
     */
    public List<String> strings(String name) {
        Object extra = extras.get(name);
        if (!(extra instanceof List<?>)) {
            throw new NoSuchElementException(source + ": no string section \"" + name + "\" in this " + kind
                    + " model (sections: " + extras.keySet() + ")");
        }
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) extra;
        return list;
    }

    /**
     * The int-array section {@code name} (a copy).
     *
     * @throws NoSuchElementException if there is none, or it holds strings
     */
    public int[] ints(String name) {
        Object extra = extras.get(name);
        if (!(extra instanceof int[] values)) {
            throw new NoSuchElementException(source + ": no int section \"" + name + "\" in this " + kind
                    + " model (sections: " + extras.keySet() + ")");
        }
        return values.clone();
    }

    Map<String, Tensor> tensors() {
        return tensors;
    }

    Map<String, Object> extras() {
        return extras;
    }

    long[] countsNoCopy() {
        return counts;
    }

    static void checkKind(String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("model kind must be lower-case letters, digits, '_', '.' or '-', got "
                    + (kind == null ? "null" : "\"" + kind + "\""));
        }
    }

    @Override
    public String toString() {
        return "ModelFile[" + kind + ", " + config.size() + " config keys, " + words.size() + " words, "
                + tensors.size() + " tensors, " + extras.size() + " extra sections]";
    }

    /** Collects the parts of a model file; {@link #build()} makes the (immutable-structure) model file. */
    public static final class Builder {
        private final String kind;
        private final SortedMap<String, String> config = new TreeMap<>();
        private List<String> words = List.of();
        private long[] counts = new long[0];
        private final Map<String, Tensor> tensors = new LinkedHashMap<>();
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder(String kind) {
            checkKind(kind);
            this.kind = kind;
        }

        /** Adds (or replaces) one config property. */
        public Builder config(String key, String value) {
            if (key == null || key.isEmpty() || value == null) {
                throw new IllegalArgumentException("config key and value must be non-null and the key non-empty, got "
                        + key + "=" + value);
            }
            config.put(key, value);
            return this;
        }

        /** Adds (or replaces) config properties. */
        public Builder config(Map<String, String> properties) {
            properties.forEach(this::config);
            return this;
        }

        /**
         * Sets the vocabulary: words in id order with their counts.
         *
         * @throws IllegalArgumentException if the lengths differ or a word is null
         */
        public Builder vocabulary(List<String> words, long[] counts) {
            if (words.size() != counts.length) {
                throw new IllegalArgumentException("vocabulary has " + words.size() + " words but "
                        + counts.length + " counts");
            }
            this.words = List.copyOf(words);
            this.counts = counts.clone();
            return this;
        }

        /**
         * Adds a named tensor (stored without copying until {@link ModelFile#save(Path)}).
         *
         * @throws IllegalArgumentException if the name is empty or already used
         */
        public Builder tensor(String name, Tensor value) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a tensor needs a non-empty name");
            }
            if (tensors.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("duplicate tensor name \"" + name + "\"");
            }
            return this;
        }

        /** Adds each parameter's value under the parameter's name. */
        public Builder parameters(Collection<Parameter> parameters) {
            for (Parameter p : parameters) {
                tensor(p.name(), p.value());
            }
            return this;
        }

        /** Adds a string-list section (e.g. label names). */
        public Builder strings(String name, List<String> values) {
            List<String> copy = List.copyOf(values);
            putExtra(name, copy);
            return this;
        }

        /** Adds an int-array section (e.g. Huffman codes). */
        public Builder ints(String name, int[] values) {
            putExtra(name, values.clone());
            return this;
        }

        private void putExtra(String name, Object value) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("an extra section needs a non-empty name");
            }
            if (extras.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("duplicate extra section name \"" + name + "\"");
            }
        }

        public ModelFile build() {
            return new ModelFile("(in memory)", kind, new TreeMap<>(config), new ArrayList<>(words), counts.clone(),
                    new LinkedHashMap<>(tensors), new LinkedHashMap<>(extras));
        }
    }
}
