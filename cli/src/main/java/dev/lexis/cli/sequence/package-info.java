/** {@code lexis tag}: train, test and run recurrent sequence taggers (POS tags, chunks). */
package dev.lexis.cli.sequence;
