package dev.lexis.cli.lm;

import dev.lexis.cli.Subcommand;
import dev.lexis.lm.LanguageModel;
import dev.lexis.lm.TextGenerator;
import java.nio.file.Path;
import java.util.List;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/** {@code lexis lm generate}: samples text from a language model. */
@Command(name = "generate",
        description = {"Samples text from a language model (NNLM or Kneser-Ney) after a prompt: the prompt, then the "
                + "generated words; each </s> ends a line. The same seed gives the same text.",
                "Example: lexis lm generate --model brown.nnlm --prompt \"The jury said\" --words 30 --temperature 0.8 --top-k 50 --seed 7"})
public final class LmGenerateCommand extends Subcommand {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "An lm train or lm ngram model file.")
    Path modelFile;

    @Option(names = "--prompt", defaultValue = "", paramLabel = "TEXT", description = "Words to start from (default: a sentence start).")
    String prompt;

    @Option(names = "--words", defaultValue = "50", paramLabel = "N", description = "Tokens to generate, </s> included (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T", description = "Sampling temperature > 0 (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K", description = "Sample among the K most probable words; 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (words < 0) {
            throw new UsageException("--words must be >= 0, got " + words);
        }
        TextGenerator generator;
        try {
            generator = new TextGenerator(temperature, topK, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("temperature", "--temperature")
                    .replace("topK", "--top-k"));
        }
        LanguageModel model = LanguageModel.load(modelFile);
        List<String> tokens = generator.generate(model, prompt, words);
        String text = TextGenerator.render(tokens);
        String start = prompt.strip();
        out().println(start.isEmpty() ? text : text.startsWith("\n") ? start + text : start + " " + text);
        return 0;
    }
}
