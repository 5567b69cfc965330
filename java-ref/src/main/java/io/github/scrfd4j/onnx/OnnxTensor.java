package io.github.scrfd4j.onnx;

import java.util.Arrays;

/**
 * An initializer or constant: float data for {@code FLOAT} tensors, integer data (as longs) for
 * {@code INT64}, {@code INT32} and {@code BOOL} ones; exactly one of the two arrays is non-null.
 */
public record OnnxTensor(String name, int dataType, long[] dims, float[] floats, long[] longs) {
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int BOOL = 9;
    public static final int DOUBLE = 11;

    /** Number of elements, the product of the dimensions. */
    public long elementCount() {
        return OnnxTensor.count(dims);
    }

    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public boolean isFloat() {
        return floats != null;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims) + (isFloat() ? " float" : " int");
    }
}
