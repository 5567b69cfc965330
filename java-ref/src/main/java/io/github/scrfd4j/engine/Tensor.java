package io.github.scrfd4j.engine;

import java.util.Arrays;
import java.util.Objects;

/** A named float tensor: an engine output (data in row-major order). The array is shared, not copied. */
public final class Tensor {
    private final String name;
    private final long[] shape;
    private final float[] data;

    public Tensor(String name, long[] shape, float[] data) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.data = Objects.requireNonNull(data, "data");
        long n = elementCount(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(shape) + " ("
                    + n + " elements) but " + data.length + " values");
        }
    }

    static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        return n;
    }

    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    public float[] data() {
        return data;
    }

    /** Shape and name only, for layout inference. */
    public TensorInfo info() {
        return new TensorInfo(name, shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
