package io.github.scrfd4j.vector;

/**
 * The hot loops of the pipeline, in two interchangeable implementations that must give bit-identical
 * results: {@link ScalarKernels} (always available) and {@code PanamaKernels} (JDK Vector API,
 * used when {@code jdk.incubator.vector} is readable). Pick one with {@link KernelsProvider}.
 */
public interface Kernels {
    /** Short name for logs and benchmarks: "scalar" or "vector(N floats)". */
    String name();

    /** Whether these are the Vector API kernels. */
    default boolean isVectorized() {
        return false;
    }

    /**
     * HWC 8-bit BGR rows to CHW float planes: {@code dst[c][y][x] = (src - mean) * scale}, with channel
     * order R, G, B when {@code swapRB}, else B, G, R.
     */
    void blob(byte[] src, int srcOffset, int srcStride, int width, int height, boolean swapRB, float mean,
              float scale, float[] dst, int dstOffset);

    /**
     * The horizontal step of a bilinear resize for one geometry, prepared once and applied to every
     * source row: {@code out[e] = src[rowStart + i0[e]] * w0[e] + src[rowStart + i1[e]] * w1[e]}
     * (unsigned bytes) for {@code e} in {@code [0, n)}. The arrays are read at preparation only.
     */
    RowResampler rowResampler(int[] i0, int[] i1, int[] w0, int[] w1, int n);

    /**
     * OpenCV's vertical step of {@code INTER_LINEAR} on 8-bit images (16-bit multiply-high of the
     * row sums shifted by 4): {@code out[x] = clamp((((r0[x] >> 4) * b0 >> 16) + ((r1[x] >> 4) * b1 >> 16)
     * + 2) >> 2, 0, 255)} for {@code x} in {@code [0, n)}. {@code out} must have
     * {@link #ROW_SLACK} bytes beyond {@code n}, which may be overwritten.
     */
    void verticalLerp(int[] r0, int[] r1, int b0, int b1, int n, byte[] out);

    /**
     * One row of {@code pixels} interleaved BGR bytes to float plane rows:
     * {@code dst[off[c] + x] = (bgr[3x + (swapRB ? 2 - c : c)] - mean) * scale}, the arithmetic of
     * {@link #blob}. {@code bgr} must have {@link #ROW_SLACK} bytes beyond the row.
     */
    void toPlanes(byte[] bgr, int pixels, boolean swapRB, float mean, float scale, float[] dst, int off0, int off1,
                  int off2);

    /** Bytes a row buffer needs past its end for whole-vector loads and stores. */
    int ROW_SLACK = 64;

    /**
     * Writes to {@code out} the indices {@code i} in {@code [0, n)} with {@code scores[offset + i] >= threshold},
     * in increasing order, and returns how many. NaN never passes.
     */
    int selectAtLeast(float[] scores, int offset, int n, float threshold, int[] out);

    /**
     * Decodes box distances {@code l, t, r, b} around anchors {@code (ax, ay)} (grid units) for
     * candidates {@code [from, to)}, writing {@code x1, y1, x2, y2} in original-image pixels.
     */
    void decodeBoxes(DecodeMapping m, float stride, int from, int to, float[] ax, float[] ay, float[] l,
                     float[] t, float[] r, float[] b, float[] x1, float[] y1, float[] x2, float[] y2);

    /**
     * Decodes 5 landmark offsets for candidates {@code [from, to)}. Planar layout: value {@code j}
     * (x0, y0, x1, y1, ...) of candidate {@code i} is at {@code j * plane + i}, in and out.
     */
    void decodeLandmarks(DecodeMapping m, float stride, int from, int to, float[] ax, float[] ay, float[] in,
                         float[] out, int plane);

    /**
     * One greedy NMS step: marks {@code removed[j]} for every {@code j} in {@code (i, n)} whose overlap
     * with box {@code i} is above {@code threshold}. {@code liteIou}: lite.ai.toolkit's {@code iou_of}
     * ({@code +1} sizes, FLT_MIN when disjoint, removed when {@code iou > t}); otherwise InsightFace's
     * {@code nms} ({@code +1} sizes, {@code max(0, .)}, kept only when {@code ovr <= t}, so NaN removes).
     *
     * @return how many boxes this call newly marked removed
     */
    int suppress(boolean liteIou, float threshold, int i, int n, float[] x1, float[] y1, float[] x2,
                  float[] y2, float[] area, boolean[] removed);
}
