package io.github.scrfd4j.network;

import io.github.scrfd4j.onnx.OnnxFormatException;
import java.util.Arrays;

/** Shape arithmetic with the limits a session can hold: at most 2^31 - 1 elements per tensor. */
final class Shapes {
    /** Elements of one activation the planner accepts: 256 Mi floats (1 GiB). */
    static final int MAX_ELEMENTS = 1 << 28;

    /** Elements of a constant the planner computes at load (16 Mi floats): weights are far smaller. */
    static final int MAX_CONSTANT = 1 << 24;

    private Shapes() {
    }

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new OnnxFormatException("tensor of shape " + Arrays.toString(shape) + " has more than 2^31 elements");
            }
        }
        return (int) n;
    }

    /** Rejects a constant too large to compute at load, naming who asked for it. */
    static void foldable(int[] shape, String who) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > MAX_CONSTANT) {
                throw new OnnxFormatException(who + " would compute a constant of shape " + Arrays.toString(shape)
                        + " at load, over the limit of " + MAX_CONSTANT + " elements");
            }
        }
    }

    /** Rejects a shape too large for one activation, naming who made it. */
    static int[] checked(int[] shape, String who) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new OnnxFormatException(who + " gives a negative dimension: " + Arrays.toString(shape));
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new OnnxFormatException(who + " gives a tensor of shape " + Arrays.toString(shape)
                        + ", over the limit of " + MAX_ELEMENTS + " elements");
            }
        }
        return shape;
    }

    static int[] toInts(long[] dims, String who) {
        int[] s = new int[dims.length];
        for (int i = 0; i < s.length; i++) {
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw new OnnxFormatException(who + ": dimension " + dims[i] + " out of range in " + Arrays.toString(dims));
            }
            s[i] = (int) dims[i];
        }
        return s;
    }

    /** Row-major strides. */
    static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }

    /** Normalises a possibly negative axis of a rank-{@code rank} tensor. */
    static int axis(long axis, int rank, String who) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new OnnxFormatException(who + ": axis " + axis + " out of range for rank " + rank);
        }
        return (int) a;
    }

    /** Numpy broadcasting of two shapes. */
    static int[] broadcast(int[] a, int[] b, String who) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new OnnxFormatException(who + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * For every element of {@code out} (a broadcast of {@code in}), the index of the element of a
     * tensor of shape {@code in} it takes.
     */
    static int[] broadcastMap(int[] in, int[] out) {
        int r = out.length;
        int[] step = new int[r];
        int[] full = strides(in);
        for (int i = 0; i < in.length; i++) {
            step[r - in.length + i] = in[i] == 1 ? 0 : full[i];
        }
        return IndexMaps.walk(out, step, 0);
    }
}
