package dev.lexis.cli.sequence;

import dev.lexis.cli.Subcommand;
import dev.lexis.sequence.Tagger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/**
 * {@code lexis tag}: with {@code --model}, tags standard input (one whitespace-tokenized sentence per line) and
 * prints {@code token/TAG} pairs, one sentence per line; {@code train} and {@code test} are subcommands.
 */
@Command(name = "tag",
        description = {"Sequence taggers: word embeddings -> (Bi)LSTM / GRU / RNN -> softmax per token.",
                "With --model: reads one whitespace-tokenized sentence per line on stdin and prints token/TAG pairs "
                        + "(a blank line gives a blank line).",
                "Example: echo 'He reckons the current account deficit will narrow' | lexis tag --model chunker.lexis"},
        synopsisSubcommandLabel = "[COMMAND]",
        subcommands = {TagTrainCommand.class, TagTestCommand.class})
public final class TagCommand extends Subcommand {
    private static final int BATCH_LINES = 256;

    @Option(names = "--model", paramLabel = "MODEL", description = "Tagger model file to tag stdin with.")
    Path model;

    @Override
    public Integer call() throws Exception {
        if (model == null) {
            throw new UsageException("give --model MODEL to tag stdin, or a command: " + String.join(", ", spec.subcommandNames()));
        }
        Tagger tagger = Tagger.load(model);
        detail("loaded " + tagger);
        if (tagger.config().inputColumn() != 0) {
            throw new IllegalArgumentException(model + ": the tagger reads column " + tagger.config().inputColumn()
                    + " of CoNLL rows besides the token (trained with --input-column); tag CoNLL files with "
                    + "lexis tag test");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in(), decoder), 1 << 16);
        List<List<String>> pending = new ArrayList<>();
        long lineNumber = 0;
        try {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                String stripped = line.strip();
                pending.add(stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+")));
                if (pending.size() == BATCH_LINES) {
                    flush(tagger, pending);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new java.io.IOException("stdin:" + (lineNumber + 1) + ": not valid UTF-8", e);
        }
        flush(tagger, pending);
        return 0;
    }

    private void flush(Tagger tagger, List<List<String>> sentences) {
        List<List<String>> tags = tagger.tagAll(sentences);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            sb.setLength(0);
            List<String> tokens = sentences.get(i);
            for (int t = 0; t < tokens.size(); t++) {
                if (t > 0) {
                    sb.append(' ');
                }
                sb.append(tokens.get(t)).append('/').append(tags.get(i).get(t));
            }
            out().println(sb);
        }
        out().flush();
        sentences.clear();
    }
}
