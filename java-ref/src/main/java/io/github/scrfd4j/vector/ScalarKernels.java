package io.github.scrfd4j.vector;

/** Plain-Java kernels: the reference twin of the Vector API ones, and the fallback. */
public final class ScalarKernels implements Kernels {
    static final float FLT_MIN = Float.MIN_NORMAL;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void blob(byte[] src, int srcOffset, int srcStride, int width, int height, boolean swapRB, float mean,
                     float scale, float[] dst, int dstOffset) {
        int plane = width * height;
        for (int c = 0; c < 3; c++) {
            int sc = swapRB ? 2 - c : c;
            int out = dstOffset + c * plane;
            for (int y = 0; y < height; y++) {
                int p = srcOffset + y * srcStride + sc;
                for (int x = 0; x < width; x++, p += 3) {
                    dst[out++] = ((src[p] & 0xFF) - mean) * scale;
                }
            }
        }
    }

    @Override
    public RowResampler rowResampler(int[] i0, int[] i1, int[] w0, int[] w1, int n) {
        int[] a0 = java.util.Arrays.copyOf(i0, n);
        int[] a1 = java.util.Arrays.copyOf(i1, n);
        int[] v0 = java.util.Arrays.copyOf(w0, n);
        int[] v1 = java.util.Arrays.copyOf(w1, n);
        return (src, rowStart, out) -> resampleFrom(0, src, rowStart, a0, a1, v0, v1, n, out);
    }

    static void resampleFrom(int e, byte[] src, int rowStart, int[] i0, int[] i1, int[] w0, int[] w1, int n,
                             int[] out) {
        for (; e < n; e++) {
            out[e] = (src[rowStart + i0[e]] & 0xFF) * w0[e] + (src[rowStart + i1[e]] & 0xFF) * w1[e];
        }
    }

    @Override
    public void verticalLerp(int[] r0, int[] r1, int b0, int b1, int n, byte[] out) {
        verticalLerpFrom(0, r0, r1, b0, b1, n, out);
    }

    void verticalLerpFrom(int from, int[] r0, int[] r1, int b0, int b1, int n, byte[] out) {
        for (int x = from; x < n; x++) {
            int v = (((r0[x] >> 4) * b0) >> 16) + (((r1[x] >> 4) * b1) >> 16);
            out[x] = (byte) Math.min(Math.max((v + 2) >> 2, 0), 255);
        }
    }

    @Override
    public void toPlanes(byte[] bgr, int pixels, boolean swapRB, float mean, float scale, float[] dst, int off0,
                         int off1, int off2) {
        toPlanesFrom(0, bgr, pixels, swapRB, mean, scale, dst, off0, off1, off2);
    }

    void toPlanesFrom(int from, byte[] bgr, int pixels, boolean swapRB, float mean, float scale, float[] dst,
                      int off0, int off1, int off2) {
        int c0 = swapRB ? 2 : 0;
        int c2 = swapRB ? 0 : 2;
        for (int x = from; x < pixels; x++) {
            dst[off0 + x] = ((bgr[3 * x + c0] & 0xFF) - mean) * scale;
            dst[off1 + x] = ((bgr[3 * x + 1] & 0xFF) - mean) * scale;
            dst[off2 + x] = ((bgr[3 * x + c2] & 0xFF) - mean) * scale;
        }
    }

    @Override
    public int selectAtLeast(float[] scores, int offset, int n, float threshold, int[] out) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (scores[offset + i] >= threshold) {
                out[count++] = i;
            }
        }
        return count;
    }

    @Override
    public void decodeBoxes(DecodeMapping m, float s, int from, int to, float[] ax, float[] ay, float[] l,
                            float[] t, float[] r, float[] b, float[] x1, float[] y1, float[] x2, float[] y2) {
        float k = m.scale();
        if (m.lite()) {
            for (int i = from; i < to; i++) {
                float a = ((ax[i] - l[i]) * s - m.padX()) / k;
                float c = ((ay[i] - t[i]) * s - m.padY()) / k;
                float e = ((ax[i] + r[i]) * s - m.padX()) / k;
                float f = ((ay[i] + b[i]) * s - m.padY()) / k;
                x1[i] = 0f < a ? a : 0f;
                y1[i] = 0f < c ? c : 0f;
                x2[i] = e < m.imageW() ? e : m.imageW();
                y2[i] = f < m.imageH() ? f : m.imageH();
            }
        } else {
            for (int i = from; i < to; i++) {
                float px = ax[i] * s;
                float py = ay[i] * s;
                x1[i] = (px - l[i] * s) / k;
                y1[i] = (py - t[i] * s) / k;
                x2[i] = (px + r[i] * s) / k;
                y2[i] = (py + b[i] * s) / k;
            }
        }
    }

    @Override
    public void decodeLandmarks(DecodeMapping m, float s, int from, int to, float[] ax, float[] ay, float[] in,
                                float[] out, int plane) {
        float k = m.scale();
        for (int j = 0; j < 10; j++) {
            boolean isX = (j & 1) == 0;
            float[] a = isX ? ax : ay;
            float pad = isX ? m.padX() : m.padY();
            float lim = isX ? m.imageW() : m.imageH();
            int base = j * plane;
            for (int i = from; i < to; i++) {
                float d = in[base + i];
                if (m.lite()) {
                    float v = ((a[i] + d) * s - pad) / k;
                    float lo = 0f < v ? v : 0f;
                    out[base + i] = lim < lo ? lim : lo;
                } else {
                    out[base + i] = (a[i] * s + d * s) / k;
                }
            }
        }
    }

    @Override
    public int suppress(boolean liteIou, float threshold, int i, int n, float[] x1, float[] y1, float[] x2,
                        float[] y2, float[] area, boolean[] removed) {
        int newly = 0;
        float ix1 = x1[i];
        float iy1 = y1[i];
        float ix2 = x2[i];
        float iy2 = y2[i];
        float ia = area[i];
        for (int j = i + 1; j < n; j++) {
            if (removed[j]) {
                continue;
            }
            float w = Math.min(ix2, x2[j]) - Math.max(ix1, x1[j]) + 1f;
            float h = Math.min(iy2, y2[j]) - Math.max(iy1, y1[j]) + 1f;
            if (liteIou) {
                float iou;
                if (h <= 0f || w <= 0f) {
                    iou = FLT_MIN;
                } else {
                    float inter = h * w;
                    iou = inter / (ia + area[j] - inter);
                }
                if (iou > threshold) {
                    removed[j] = true;
                    newly++;
                }
            } else {
                float inter = Math.max(0f, w) * Math.max(0f, h);
                float ovr = inter / (ia + area[j] - inter);
                if (!(ovr <= threshold)) {
                    removed[j] = true;
                    newly++;
                }
            }
        }
        return newly;
    }
}
