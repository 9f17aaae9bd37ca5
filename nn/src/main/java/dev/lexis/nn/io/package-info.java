/**
 * The Lexis model file: one self-describing binary format (magic, format version, model kind, config
 * properties, vocabulary, named float32 tensors, extra sections, CRC32C checksum) shared by every Lexis model
 * and by training checkpoints, written atomically and refused with a message naming the file when it is
 * foreign, truncated, corrupted or of another kind. See {@link dev.lexis.nn.io.ModelFile}.
 */
package dev.lexis.nn.io;
