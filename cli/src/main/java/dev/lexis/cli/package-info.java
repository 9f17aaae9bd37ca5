/**
 * The lexis command line: one subcommand per user story.
 */
package dev.lexis.cli;
