/** Small runnable programs that demonstrate lessons of the nn core (e.g. vanishing gradients). */
package dev.lexis.nn.examples;
