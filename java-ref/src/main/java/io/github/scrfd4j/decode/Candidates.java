package io.github.scrfd4j.decode;

import java.util.Arrays;

/**
 * Growable structure-of-arrays buffer of decoded candidates, reused across frames so that a steady
 * stream of frames does not allocate. Landmarks are planar: value {@code j} of candidate {@code i} is
 * at {@code j * capacity() + i}. Not thread-safe.
 */
public final class Candidates {
    /** One full set of columns; sorting writes into the spare set and swaps. */
    static final class Columns {
        final int capacity;
        final float[] score;
        final float[] ax;
        final float[] ay;
        final float[] l;
        final float[] t;
        final float[] r;
        final float[] b;
        final float[] x1;
        final float[] y1;
        final float[] x2;
        final float[] y2;
        final float[] kpsIn;
        final float[] kps;
        final int[] level;

        Columns(int cap) {
            capacity = cap;
            score = new float[cap];
            ax = new float[cap];
            ay = new float[cap];
            l = new float[cap];
            t = new float[cap];
            r = new float[cap];
            b = new float[cap];
            x1 = new float[cap];
            y1 = new float[cap];
            x2 = new float[cap];
            y2 = new float[cap];
            kpsIn = new float[10 * cap];
            kps = new float[10 * cap];
            level = new int[cap];
        }

        void copy(int from, Columns dst, int to) {
            dst.score[to] = score[from];
            dst.ax[to] = ax[from];
            dst.ay[to] = ay[from];
            dst.l[to] = l[from];
            dst.t[to] = t[from];
            dst.r[to] = r[from];
            dst.b[to] = b[from];
            dst.x1[to] = x1[from];
            dst.y1[to] = y1[from];
            dst.x2[to] = x2[from];
            dst.y2[to] = y2[from];
            dst.level[to] = level[from];
            for (int j = 0; j < 10; j++) {
                dst.kpsIn[j * dst.capacity + to] = kpsIn[j * capacity + from];
                dst.kps[j * dst.capacity + to] = kps[j * capacity + from];
            }
        }
    }

    Columns c;
    private Columns spare;
    private int size;
    private long[] sortKeys;

    public Candidates() {
        c = new Columns(256);
        spare = new Columns(256);
        sortKeys = new long[256];
    }

    /** Makes room for {@code n} candidates in total, keeping the current ones. */
    void ensureCapacity(int n) {
        if (n <= c.capacity) {
            return;
        }
        int cap = Math.max(n, c.capacity * 2);
        Columns grown = new Columns(cap);
        for (int i = 0; i < size; i++) {
            c.copy(i, grown, i);
        }
        c = grown;
        spare = new Columns(cap);
        sortKeys = new long[cap];
    }

    /**
     * Appends an already decoded candidate (for tests, benchmarks and callers with their own decode).
     *
     * @param landmarks 10 values or null
     */
    public void append(float score, float x1, float y1, float x2, float y2, float[] landmarks) {
        ensureCapacity(size + 1);
        int i = size++;
        c.score[i] = score;
        c.x1[i] = x1;
        c.y1[i] = y1;
        c.x2[i] = x2;
        c.y2[i] = y2;
        c.level[i] = 0;
        for (int j = 0; j < 10; j++) {
            c.kps[j * c.capacity + i] = landmarks == null ? 0f : landmarks[j];
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return c.capacity;
    }

    void setSize(int n) {
        size = n;
    }

    public void clear() {
        size = 0;
    }

    public float score(int i) {
        return c.score[i];
    }

    public float x1(int i) {
        return c.x1[i];
    }

    public float y1(int i) {
        return c.y1[i];
    }

    public float x2(int i) {
        return c.x2[i];
    }

    public float y2(int i) {
        return c.y2[i];
    }

    /** Landmark value {@code j} (x0, y0, ... y4) of candidate {@code i}. */
    public float landmark(int i, int j) {
        return c.kps[j * c.capacity + i];
    }

    /** Box columns for the NMS kernels (length >= size; shared, valid until the next change). */
    public float[] x1s() {
        return c.x1;
    }

    public float[] y1s() {
        return c.y1;
    }

    public float[] x2s() {
        return c.x2;
    }

    public float[] y2s() {
        return c.y2;
    }

    /**
     * Sorts by descending score, stable: equal scores keep their decode order (level, then anchor),
     * which makes ties deterministic where C++ {@code std::sort} and numpy {@code argsort} are not.
     */
    public void sortByScoreDescending() {
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            int bits = Float.floatToIntBits(c.score[i]);
            int key = bits ^ ((bits >> 31) & 0x7FFFFFFF); // monotonic int view of the float
            sortKeys[i] = ((long) ~key << 32) | i;
            if (i > 0 && sortKeys[i] < sortKeys[i - 1]) {
                sorted = false;
            }
        }
        if (sorted) {
            return;
        }
        Arrays.sort(sortKeys, 0, size);
        // column by column: each pass streams one array, which the row-wise copy did not
        permute(c.score, spare.score, 0, 0);
        permute(c.ax, spare.ax, 0, 0);
        permute(c.ay, spare.ay, 0, 0);
        permute(c.l, spare.l, 0, 0);
        permute(c.t, spare.t, 0, 0);
        permute(c.r, spare.r, 0, 0);
        permute(c.b, spare.b, 0, 0);
        permute(c.x1, spare.x1, 0, 0);
        permute(c.y1, spare.y1, 0, 0);
        permute(c.x2, spare.x2, 0, 0);
        permute(c.y2, spare.y2, 0, 0);
        for (int j = 0; j < 10; j++) {
            permute(c.kpsIn, spare.kpsIn, j * c.capacity, j * spare.capacity);
            permute(c.kps, spare.kps, j * c.capacity, j * spare.capacity);
        }
        for (int k = 0; k < size; k++) {
            spare.level[k] = c.level[(int) sortKeys[k]];
        }
        Columns tmp = c;
        c = spare;
        spare = tmp;
    }

    private void permute(float[] src, float[] dst, int srcBase, int dstBase) {
        for (int k = 0; k < size; k++) {
            dst[dstBase + k] = src[srcBase + (int) sortKeys[k]];
        }
    }

    /** Keeps the first {@code n}. */
    void truncate(int n) {
        if (n < size) {
            size = n;
        }
    }
}
