package io.github.scrfd4j.nms;

import io.github.scrfd4j.decode.Candidates;
import io.github.scrfd4j.vector.Kernels;

/**
 * Greedy hard NMS by descending score, stopping after {@code topK} kept boxes. The overlap rule is
 * lite.ai.toolkit's {@code iou_of} or InsightFace's {@code nms} (see {@link Kernels#suppress}); ties
 * in score keep decode order. Not thread-safe (reuses buffers).
 */
public final class HardNms {
    private final Kernels kernels;
    private float[] area = new float[0];
    private boolean[] removed = new boolean[0];
    private int[] kept = new int[0];
    private int[] index = new int[0];
    private float[] x1 = new float[0];
    private float[] y1 = new float[0];
    private float[] x2 = new float[0];
    private float[] y2 = new float[0];

    public HardNms(Kernels kernels) {
        this.kernels = kernels;
    }

    /**
     * Sorts {@code c} by descending score and returns the number of kept candidates; their indices
     * (into the now sorted {@code c}) are the first entries of {@link #kept()}.
     */
    public int run(Candidates c, boolean liteIou, float iouThreshold, int topK) {
        if (topK <= 0) {
            throw new IllegalArgumentException("topK must be positive, got " + topK);
        }
        c.sortByScoreDescending();
        int n = c.size();
        if (area.length < n) {
            int cap = c.capacity();
            area = new float[cap];
            removed = new boolean[cap];
            kept = new int[cap];
            index = new int[cap];
            x1 = new float[cap];
            y1 = new float[cap];
            x2 = new float[cap];
            y2 = new float[cap];
        }
        System.arraycopy(c.x1s(), 0, x1, 0, n);
        System.arraycopy(c.y1s(), 0, y1, 0, n);
        System.arraycopy(c.x2s(), 0, x2, 0, n);
        System.arraycopy(c.y2s(), 0, y2, 0, n);
        for (int i = 0; i < n; i++) {
            float a = (x2[i] - x1[i] + 1f) * (y2[i] - y1[i] + 1f);
            area[i] = liteIou ? Math.abs(a) : a;
            removed[i] = false;
            index[i] = i;
        }
        int count = 0;
        int m = n; // boxes in the working arrays
        int dead = 0; // removed boxes still in them
        for (int i = 0; i < m && count < topK; i++) {
            if (removed[i]) {
                continue;
            }
            kept[count++] = index[i];
            if (count < topK) {
                dead += kernels.suppress(liteIou, iouThreshold, i, m, x1, y1, x2, y2, area, removed);
                // Squeeze out removed boxes once they are a quarter of what is left, so the scans
                // (scalar or vector) only touch live boxes; order is kept, so results do not change.
                if (dead > 64 && 4 * dead > m - i) {
                    m = compact(i + 1, m);
                    dead = 0;
                }
            }
        }
        return count;
    }

    private int compact(int from, int m) {
        int w = from;
        for (int j = from; j < m; j++) {
            if (!removed[j]) {
                x1[w] = x1[j];
                y1[w] = y1[j];
                x2[w] = x2[j];
                y2[w] = y2[j];
                area[w] = area[j];
                index[w] = index[j];
                removed[w] = false;
                w++;
            }
        }
        return w;
    }

    /** Indices kept by the last {@link #run}, in order (shared array). */
    public int[] kept() {
        return kept;
    }
}
