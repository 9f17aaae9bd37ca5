package dev.lexis.nn;

import java.util.Arrays;

/**
 * A dense float tensor: row-major values on a flat {@code float[]} with a shape.
 *
 * <p>The values of a tensor of shape (d0, d1, …, dk) occupy {@code data[offset … offset + size)}; element
 * (i0, …, ik) sits at {@code offset + ((i0 · d1 + i1) · d2 + …) + ik}. A tensor may be a view into a larger
 * array (see {@link #row(int)}), which shares the storage without copying.
 */
public final class Tensor {
    private final float[] data;
    private final int offset;
    private final int[] shape;
    private final int size;

    private Tensor(float[] data, int offset, int[] shape) {
        this.data = data;
        this.offset = offset;
        this.shape = shape;
        this.size = sizeOf(shape);
        if (offset < 0 || offset + size > data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " at offset " + offset
                    + " does not fit in an array of " + data.length + " values");
        }
    }

    /** A new tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new float[sizeOf(shape)], 0, shape.clone());
    }

    /** A tensor over {@code data} (not copied) with the given shape; {@code data.length} must equal its size. */
    public static Tensor of(float[] data, int... shape) {
        if (data.length != sizeOf(shape)) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + sizeOf(shape)
                    + " values, got " + data.length);
        }
        return new Tensor(data, 0, shape.clone());
    }

    /** A view of {@code data[offset …]} with the given shape, sharing the storage. */
    public static Tensor view(float[] data, int offset, int... shape) {
        return new Tensor(data, offset, shape.clone());
    }

    /** A scalar (rank 0). */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, 0, new int[0]);
    }

    public static int sizeOf(int... shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 values");
        }
        return (int) size;
    }

    /** The backing array; this tensor's values start at {@link #offset()}. */
    public float[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The shape array itself, not a copy (package-private: callers must not modify it). */
    int[] shapeRef() {
        return shape;
    }

    public int rank() {
        return shape.length;
    }

    /** The size of dimension {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    /** The number of values. */
    public int size() {
        return size;
    }

    /** Value at a flat row-major index. */
    public float get(int flatIndex) {
        return data[offset + flatIndex];
    }

    public void set(int flatIndex, float value) {
        data[offset + flatIndex] = value;
    }

    /** Value at (row, col) of a rank-2 tensor. */
    public float get(int row, int col) {
        return data[offset + row * shape[1] + col];
    }

    public void set(int row, int col, float value) {
        data[offset + row * shape[1] + col] = value;
    }

    /** Row {@code i} of the first dimension as a view of rank − 1 (no copy). */
    public Tensor row(int i) {
        if (shape.length == 0 || i < 0 || i >= shape[0]) {
            throw new IndexOutOfBoundsException("row " + i + " of shape " + Arrays.toString(shape));
        }
        int[] rest = Arrays.copyOfRange(shape, 1, shape.length);
        return new Tensor(data, offset + i * sizeOf(rest), rest);
    }

    /** The same values with another shape of the same size (no copy). */
    public Tensor reshape(int... newShape) {
        if (sizeOf(newShape) != size) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to "
                    + Arrays.toString(newShape));
        }
        return new Tensor(data, offset, newShape.clone());
    }

    /** A compact copy with its own storage. */
    public Tensor copy() {
        return new Tensor(Arrays.copyOfRange(data, offset, offset + size), 0, shape.clone());
    }

    /** The values as a new array. */
    public float[] toArray() {
        return Arrays.copyOfRange(data, offset, offset + size);
    }

    public void fill(float value) {
        Arrays.fill(data, offset, offset + size, value);
    }

    /** Copies {@code source}'s values into this tensor; sizes must match. */
    public void copyFrom(Tensor source) {
        if (source.size != size) {
            throw new IllegalArgumentException("size " + source.size + " != " + size);
        }
        System.arraycopy(source.data, source.offset, data, offset, size);
    }

    /** Whether this tensor's shape equals {@code dims} (no allocation). */
    public boolean hasShape(int[] dims) {
        return Arrays.equals(shape, dims);
    }

    /** Rank-2 shape test without allocation. */
    public boolean hasShape(int rows, int cols) {
        return shape.length == 2 && shape[0] == rows && shape[1] == cols;
    }

    /** The size of the last dimension (1 for a scalar). */
    public int cols() {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** The number of rows when the last dimension is taken as columns: {@code size() / cols()}. */
    public int rows() {
        int c = cols();
        return c == 0 ? 0 : size / c;
    }

    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Arrays.toString(shape)).append(' ');
        int n = Math.min(size, 8);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(data[offset + i]);
        }
        return sb.append(size > n ? ", …]" : "]").toString();
    }
}
