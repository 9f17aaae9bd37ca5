/**
 * The {@code lexis} command line (its parser is {@link dev.lexis.cli.args}): {@link dev.lexis.cli.Main} maps outcomes to exit codes (0 ok,
 * 1 error printed as one line naming the file, line and value, 2 usage error), {@link dev.lexis.cli.LexisCommand}
 * holds the global options and the one list of subcommands, and each user story has its subcommand:
 * {@code demo}, {@code tokenize} and {@code vocab} here, the model commands in the subpackages
 * {@code dev.lexis.cli.embeddings}, {@code .lm}, {@code .classify} and {@code .sequence}. Subcommands extend
 * {@link dev.lexis.cli.Subcommand} for the shared streams and {@code --verbose}. Nothing in Lexis depends on
 * this package; it is the only place that calls {@code System.exit}.
 */
package dev.lexis.cli;
