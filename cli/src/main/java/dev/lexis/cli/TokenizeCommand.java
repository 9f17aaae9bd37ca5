package dev.lexis.cli;

import java.io.PrintWriter;

import dev.lexis.tokenize.TokenSink;
import dev.lexis.tokenize.Tokenizer;

import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;

/**
 * {@code lexis tokenize}: standard input to standard output, one line of space-joined tokens per input line
 * (an input line without tokens gives an empty line, so lines stay aligned).
 */
@Command(name = "tokenize",
        description = {"Reads UTF-8 text on standard input and prints its tokens: one line of space-joined "
                + "tokens per input line (an empty line when a line has none).",
                "Example: echo 'The cats were running' | lexis tokenize --analyzer english+stem"})
public final class TokenizeCommand extends Subcommand {

    @Option(names = {"-a", "--analyzer"}, paramLabel = "SPEC", defaultValue = "standard",
            converter = TokenizerOption.class, description = TokenizerOption.DESCRIPTION)
    Tokenizer tokenizer;

    @Override
    public Integer call() {
        Utf8Lines lines = new Utf8Lines(in(), "<stdin>");
        PrintWriter out = out();
        StringBuilder joined = new StringBuilder(256);
        TokenSink join = (chars, offset, length) -> {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(chars, offset, length);
        };
        long lineNumber = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            joined.setLength(0);
            tokenizer.forEachToken(line, join);
            out.append(joined).append('\n');
            // a closed pipe (lexis tokenize | head) ends the run quietly, as in other Unix tools
            if ((lineNumber & 1023) == 0 && out.checkError()) {
                return Main.OK;
            }
        }
        out.flush();
        detail("tokenized " + lineNumber + " lines with " + tokenizer.spec());
        return Main.OK;
    }
}
