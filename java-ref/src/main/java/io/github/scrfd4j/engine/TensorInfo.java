package io.github.scrfd4j.engine;

import java.util.Arrays;
import java.util.Objects;

/** Name and shape of a tensor; a dimension of -1 is unknown until run time. */
public final class TensorInfo {
    private final String name;
    private final long[] shape;

    public TensorInfo(String name, long[] shape) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
    }

    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int i) {
        return shape[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo && ((TensorInfo) o).name.equals(name) && Arrays.equals(((TensorInfo) o).shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
