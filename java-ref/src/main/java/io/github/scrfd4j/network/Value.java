package io.github.scrfd4j.network;

import java.util.Arrays;

/**
 * A tensor of the graph at plan time: its shape, and either its constant data (weights, folded shape
 * arithmetic) or the runtime {@link Storage} that will hold it.
 */
final class Value {
    final String name;
    final int[] shape;
    final float[] floats;
    final long[] longs;
    final Storage storage;

    private Value(String name, int[] shape, float[] floats, long[] longs, Storage storage) {
        this.name = name;
        this.shape = shape;
        this.floats = floats;
        this.longs = longs;
        this.storage = storage;
    }

    static Value runtime(String name, int[] shape, Storage storage) {
        return new Value(name, shape, null, null, storage);
    }

    static Value constant(String name, int[] shape, float[] data) {
        return new Value(name, shape, data, null, null);
    }

    static Value constant(String name, int[] shape, long[] data) {
        return new Value(name, shape, null, data, null);
    }

    boolean isConstant() {
        return storage == null;
    }

    int size() {
        return Shapes.size(shape);
    }

    /** Constant data as floats (integer constants converted). */
    float[] floatData() {
        if (floats != null) {
            return floats;
        }
        float[] f = new float[longs.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = longs[i];
        }
        return f;
    }

    /** Constant data as longs (float constants truncated, as a cast would). */
    long[] longData() {
        if (longs != null) {
            return longs;
        }
        long[] l = new long[floats.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (long) floats[i];
        }
        return l;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + (isConstant() ? " const" : "");
    }
}
