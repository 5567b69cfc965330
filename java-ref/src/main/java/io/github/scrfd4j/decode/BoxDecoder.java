package io.github.scrfd4j.decode;

import io.github.scrfd4j.anchors.AnchorGrid;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.vector.DecodeMapping;
import io.github.scrfd4j.vector.Kernels;
import java.util.List;

/**
 * Score threshold, {@code distance2bbox} / {@code distance2kps} around the anchor centres, and the
 * letterbox undone, with the caps of the chosen {@link Convention}. Not thread-safe (reuses buffers).
 */
public final class BoxDecoder {
    private final Kernels kernels;
    private int[] selected = new int[0];

    public BoxDecoder(Kernels kernels) {
        this.kernels = kernels;
    }

    /**
     * Decodes all levels into {@code out} (cleared first). Candidates end in decode order (level,
     * then anchor) except where lite.ai.toolkit's {@code nms_pre} truncation sorted them.
     */
    public void decode(List<Tensor> outputs, OutputLayout layout, AnchorGrid grid, LetterboxParams lb,
                       Convention convention, float scoreThreshold, Candidates out) {
        boolean lite = convention == Convention.LITE_AI_TOOLKIT;
        DecodeMapping mapping = lite
                ? new DecodeMapping(true, lb.padLeft(), lb.padTop(), lb.scale(), lb.srcWidth(), lb.srcHeight())
                : new DecodeMapping(false, 0f, 0f, lb.scale(), lb.srcWidth(), lb.srcHeight());
        out.clear();
        for (int level = 0; level < grid.plan().levels(); level++) {
            int stride = grid.plan().stride(level);
            int anchors = grid.count(level);
            float[] scores = outputs.get(layout.scoreIndex(level)).data();
            float[] boxes = outputs.get(layout.boxIndex(level)).data();
            float[] kps = layout.hasLandmarks() ? outputs.get(layout.landmarkIndex(level)).data() : null;
            if (selected.length < anchors) {
                selected = new int[anchors];
            }
            int n = kernels.selectAtLeast(scores, 0, anchors, scoreThreshold, selected);
            if (lite) {
                n = Math.min(n, Convention.LITE_MAX_NMS + 1); // C++ breaks once count > max_nms
            }
            int from = out.size();
            int to = from + n;
            out.ensureCapacity(to);
            Candidates.Columns c = out.c;
            float[] gx = grid.xs(level);
            float[] gy = grid.ys(level);
            int plane = c.capacity;
            for (int k = 0; k < n; k++) {
                int i = selected[k];
                int o = from + k;
                c.score[o] = scores[i];
                c.level[o] = level;
                c.ax[o] = gx[i];
                c.ay[o] = gy[i];
                c.l[o] = boxes[4 * i];
                c.t[o] = boxes[4 * i + 1];
                c.r[o] = boxes[4 * i + 2];
                c.b[o] = boxes[4 * i + 3];
                if (kps != null) {
                    for (int j = 0; j < 10; j++) {
                        c.kpsIn[j * plane + o] = kps[10 * i + j];
                    }
                }
            }
            out.setSize(to);
            kernels.decodeBoxes(mapping, stride, from, to, c.ax, c.ay, c.l, c.t, c.r, c.b, c.x1, c.y1, c.x2, c.y2);
            if (kps != null) {
                kernels.decodeLandmarks(mapping, stride, from, to, c.ax, c.ay, c.kpsIn, c.kps, plane);
            }
            if (lite && out.size() > Convention.liteNmsPre(stride)) {
                out.sortByScoreDescending();
                out.truncate(Convention.liteNmsPre(stride));
            }
        }
    }
}
