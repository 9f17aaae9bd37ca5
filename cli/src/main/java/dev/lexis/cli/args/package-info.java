/**
 * The small command-line parser of {@code lexis}: commands declare their options with {@link
 * dev.lexis.cli.args.Command @Command}, {@link dev.lexis.cli.args.Option @Option} and {@link
 * dev.lexis.cli.args.Parameters @Parameters} on fields, and {@link dev.lexis.cli.args.CommandParser} fills
 * them in from the arguments.
 *
 * <p>It replaces picocli, whose Java 5 bytecode cannot be kept in the JVM's class-data-sharing archive and cost
 * about a quarter of a second at every start. The model of a command (its fields, read by reflection) is
 * built only for the command that runs and its parents; the other commands are known by their
 * {@code @Command} annotation alone, read for {@code lexis --help}, {@code lexis help} and the suggestions
 * that follow an unknown command.
 *
 * <p>What it does: options {@code --name value} and {@code --name=value} (and {@code -x value}, {@code -x=value},
 * {@code -xvalue} for one-letter names), flags, repeated options into {@code List} fields, {@code KEY=VALUE}
 * options into {@code Map} fields, {@code String}, {@code Path}, {@code int}, {@code long}, {@code float},
 * {@code double}, {@code boolean} and case-insensitive enum values, or a {@link dev.lexis.cli.args.Converter};
 * required options and default values; mutually exclusive options; positional parameters with an arity;
 * {@code --} ending the options; options inherited by subcommands ({@code --verbose}); {@code -h/--help},
 * {@code -V/--version} and {@code help [COMMAND...]}; usage help with aligned options and defaults. Every
 * problem is a {@link dev.lexis.cli.args.UsageException} whose message is one line.
 */
package dev.lexis.cli.args;
