package dev.lexis.cli.args;

/**
 * What {@link CommandParser#parse} found: the command to run (its parents' and its own fields are set), or a
 * request for help or the version.
 *
 * @param command          the last command named on the command line (the root when none was)
 * @param helpRequested    whether {@code -h} or {@code --help} was given: print {@code command}'s help instead
 * @param versionRequested whether {@code -V} or {@code --version} was given: print the version instead
 */
public record ParseResult(CommandSpec command, boolean helpRequested, boolean versionRequested) {
}
