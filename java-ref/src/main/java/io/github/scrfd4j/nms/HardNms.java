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
            area = new float[c.capacity()];
            removed = new boolean[c.capacity()];
            kept = new int[c.capacity()];
        }
        float[] x1 = c.x1s();
        float[] y1 = c.y1s();
        float[] x2 = c.x2s();
        float[] y2 = c.y2s();
        for (int i = 0; i < n; i++) {
            float a = (x2[i] - x1[i] + 1f) * (y2[i] - y1[i] + 1f);
            area[i] = liteIou ? Math.abs(a) : a;
            removed[i] = false;
        }
        int count = 0;
        for (int i = 0; i < n && count < topK; i++) {
            if (removed[i]) {
                continue;
            }
            kept[count++] = i;
            if (count < topK) {
                kernels.suppress(liteIou, iouThreshold, i, n, x1, y1, x2, y2, area, removed);
            }
        }
        return count;
    }

    /** Indices kept by the last {@link #run}, in order (shared array). */
    public int[] kept() {
        return kept;
    }
}
