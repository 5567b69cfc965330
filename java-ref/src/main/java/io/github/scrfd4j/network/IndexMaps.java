package io.github.scrfd4j.network;

import io.github.scrfd4j.onnx.OnnxFormatException;
import java.util.Arrays;

/**
 * Data-movement operators as index maps: for each output element, the input element it copies. The
 * same map folds constants at load and drives {@link IndexCopyLayer} at run time.
 */
final class IndexMaps {
    /** An output shape and, per output element, the input element index. */
    record Mapped(int[] shape, int[] map) {
    }

    private IndexMaps() {
    }

    static Mapped transpose(int[] in, long[] perm, String who) {
        int r = in.length;
        int[] p = new int[r];
        if (perm == null) {
            for (int i = 0; i < r; i++) {
                p[i] = r - 1 - i;
            }
        } else {
            if (perm.length != r) {
                throw new OnnxFormatException(who + ": perm " + Arrays.toString(perm) + " does not fit rank " + r);
            }
            boolean[] seen = new boolean[r];
            for (int i = 0; i < r; i++) {
                if (perm[i] < 0 || perm[i] >= r || seen[(int) perm[i]]) {
                    throw new OnnxFormatException(who + ": perm " + Arrays.toString(perm) + " is not a permutation");
                }
                p[i] = (int) perm[i];
                seen[p[i]] = true;
            }
        }
        int[] out = new int[r];
        int[] inStrides = Shapes.strides(in);
        int[] step = new int[r];
        for (int i = 0; i < r; i++) {
            out[i] = in[p[i]];
            step[i] = inStrides[p[i]];
        }
        return new Mapped(out, walk(out, step, 0));
    }

    static Mapped slice(int[] in, long[] starts, long[] ends, long[] axes, long[] steps, String who) {
        int r = in.length;
        int n = starts.length;
        if (ends.length != n || (axes != null && axes.length != n) || (steps != null && steps.length != n)) {
            throw new OnnxFormatException(who + ": starts, ends, axes and steps differ in length");
        }
        int[] begin = new int[r];
        int[] step = new int[r];
        int[] out = in.clone();
        Arrays.fill(step, 1);
        boolean[] seen = new boolean[r];
        for (int i = 0; i < n; i++) {
            int ax = Shapes.axis(axes == null ? i : axes[i], r, who);
            if (seen[ax]) {
                throw new OnnxFormatException(who + ": axis " + ax + " sliced twice");
            }
            seen[ax] = true;
            long st = steps == null ? 1 : steps[i];
            if (st == 0) {
                throw new OnnxFormatException(who + ": step 0");
            }
            if (st > Integer.MAX_VALUE || st < -Integer.MAX_VALUE) {
                throw new OnnxFormatException(who + ": step " + st + " out of range");
            }
            long dim = in[ax];
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            long count;
            if (st > 0) {
                s = Math.max(0, Math.min(s, dim));
                e = Math.max(0, Math.min(e, dim));
                count = e > s ? (e - s + st - 1) / st : 0;
            } else {
                s = Math.max(-1, Math.min(s, dim - 1));
                e = Math.max(-1, Math.min(e, dim - 1));
                count = s > e ? (s - e - st - 1) / -st : 0;
            }
            begin[ax] = (int) Math.max(s, 0);
            step[ax] = (int) st;
            out[ax] = (int) count;
        }
        int[] inStrides = Shapes.strides(in);
        int base = 0;
        int[] walkStep = new int[r];
        for (int i = 0; i < r; i++) {
            base += begin[i] * inStrides[i];
            walkStep[i] = step[i] * inStrides[i];
        }
        return new Mapped(out, walk(out, walkStep, base));
    }

    static Mapped gather(int[] in, int axis, long[] indices, int[] indicesShape, String who) {
        int dim = in[axis];
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= in[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < in.length; i++) {
            inner *= in[i];
        }
        int[] out = new int[in.length - 1 + indicesShape.length];
        System.arraycopy(in, 0, out, 0, axis);
        System.arraycopy(indicesShape, 0, out, axis, indicesShape.length);
        System.arraycopy(in, axis + 1, out, axis + indicesShape.length, in.length - axis - 1);
        int[] idx = new int[indices.length];
        for (int i = 0; i < idx.length; i++) {
            long v = indices[i] < 0 ? indices[i] + dim : indices[i];
            if (v < 0 || v >= dim) {
                throw new OnnxFormatException(who + ": index " + indices[i] + " out of range for dimension " + dim);
            }
            idx[i] = (int) v;
        }
        int[] map = new int[Shapes.size(Shapes.checked(out, who))];
        int o = 0;
        for (int a = 0; a < outer; a++) {
            for (int j : idx) {
                int base = (a * dim + j) * inner;
                for (int b = 0; b < inner; b++) {
                    map[o++] = base + b;
                }
            }
        }
        return new Mapped(out, map);
    }

    /** The indices {@code base + sum(idx[d] * step[d])} over every multi-index of {@code shape}, row-major. */
    static int[] walk(int[] shape, int[] step, int base) {
        int n = Shapes.size(shape);
        int r = shape.length;
        int[] map = new int[n];
        int[] idx = new int[r];
        int src = base;
        for (int i = 0; i < n; i++) {
            map[i] = src;
            for (int d = r - 1; d >= 0; d--) {
                idx[d]++;
                src += step[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                src -= step[d] * idx[d];
                idx[d] = 0;
            }
        }
        return map;
    }

    static float[] apply(float[] data, int[] map) {
        float[] out = new float[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = data[map[i]];
        }
        return out;
    }

    static long[] apply(long[] data, int[] map) {
        long[] out = new long[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = data[map[i]];
        }
        return out;
    }
}
