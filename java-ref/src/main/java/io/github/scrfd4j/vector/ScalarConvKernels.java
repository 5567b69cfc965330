package io.github.scrfd4j.vector;

/** The plain-Java twin of the Vector API convolution kernels: the same fused multiply-adds, one lane at a time. */
public final class ScalarConvKernels implements ConvKernels {
    private static final int PANEL = 16;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int panelWidth() {
        return PANEL;
    }

    @Override
    public void gemm(float[] a, int aOff, float[] bias, int biasOff, float[] b, int bOff, int[] rowOff, int k, float[] c,
                     int cOff, int ldc, float floor) {
        for (int r = 0; r < MR; r++) {
            float b0 = bias[biasOff + r];
            int row = cOff + r * ldc;
            for (int j = 0; j < PANEL; j++) {
                float acc = b0;
                for (int kk = 0, ai = aOff + r, bj = bOff + j; kk < k; kk++, ai += MR) {
                    acc = Math.fma(a[ai], b[bj + rowOff[kk]], acc);
                }
                c[row + j] = Math.max(acc, floor);
            }
        }
    }

    @Override
    public void depthwise(float[] in, int inOff, int h, int w, float[] wgt, int wOff, int kh, int kw, int sh, int sw,
                          int pt, int pl, int dh, int dw, float bias, float[] out, int outOff, int oh, int ow,
                          float floor) {
        for (int oy = 0; oy < oh; oy++) {
            depthwiseColumns(in, inOff, h, w, wgt, wOff, kh, kw, sh, sw, pt, pl, dh, dw, bias, out, outOff, ow, floor, oy, 0, ow);
        }
    }

    /** Outputs {@code [ox0, ox1)} of row {@code oy}; the Vector kernels use it for the borders. */
    static void depthwiseColumns(float[] in, int inOff, int h, int w, float[] wgt, int wOff, int kh, int kw, int sh,
                                 int sw, int pt, int pl, int dh, int dw, float bias, float[] out, int outOff, int ow,
                                 float floor, int oy, int ox0, int ox1) {
        int o = outOff + oy * ow;
        for (int ox = ox0; ox < ox1; ox++) {
            float acc = bias;
            for (int ky = 0; ky < kh; ky++) {
                int iy = oy * sh - pt + ky * dh;
                if (iy < 0 || iy >= h) {
                    continue;
                }
                int rowIn = inOff + iy * w;
                for (int kx = 0; kx < kw; kx++) {
                    int ix = ox * sw - pl + kx * dw;
                    if (ix >= 0 && ix < w) {
                        acc = Math.fma(wgt[wOff + ky * kw + kx], in[rowIn + ix], acc);
                    }
                }
            }
            out[o + ox] = Math.max(acc, floor);
        }
    }
}
