package dev.lexis.nn;

/**
 * The backward pass of one op recorded on a {@link Tape}.
 *
 * <p>Called once per {@link Tape#backward(Var)} for each recorded output that received a gradient, in reverse
 * recording order. It reads {@code out.grad()} (the gradient of the loss with respect to the op's output) and
 * the op's inputs ({@link Var#input(int)}) and <em>adds</em> its contribution to the gradient buffer of every
 * input that {@link Var#requiresGrad() requires a gradient}, via {@link Var#gradBuffer()}. Built-in ops are
 * stateless singletons that keep their per-call state in the output {@code Var} (its inputs, {@link Var#aux()}
 * and {@link Var#scratch(int, int)} buffers), so that recording allocates nothing in a steady training loop;
 * custom ops may do the same or capture state in a lambda.
 */
@FunctionalInterface
public interface Backward {
    /** Adds d(loss)/d(input) for each input of {@code out}'s op, given {@code out.grad()}. */
    void backward(Var out);
}
