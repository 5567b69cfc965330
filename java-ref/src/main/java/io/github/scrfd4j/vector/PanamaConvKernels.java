package io.github.scrfd4j.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API convolution kernels, loaded only through {@link KernelsProvider#conv()} once the module is
 * known to be readable. The matrix product keeps a 4 x 3-vector block of outputs in registers (12
 * accumulators, each fed one fused multiply-add per step), the shape of llama3.java's and BLIS's
 * micro-kernels; per output the operations are those of {@link ScalarConvKernels}, in the same order.
 */
final class PanamaConvKernels implements ConvKernels {
    private static final VectorSpecies<Float> F = PanamaKernels.floatSpecies();
    private static final int L = F.length();
    private static final int NR = 3 * L;

    @Override
    public String name() {
        return "vector(" + L + " floats)";
    }

    @Override
    public boolean isVectorized() {
        return true;
    }

    @Override
    public int panelWidth() {
        return NR;
    }

    @Override
    public void gemm(float[] a, int aOff, float[] bias, int biasOff, float[] b, int bOff, int[] rowOff, int k, float[] c,
                     int cOff, int ldc, float floor) {
        FloatVector c00 = FloatVector.broadcast(F, bias[biasOff]);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c10 = FloatVector.broadcast(F, bias[biasOff + 1]);
        FloatVector c11 = c10;
        FloatVector c12 = c10;
        FloatVector c20 = FloatVector.broadcast(F, bias[biasOff + 2]);
        FloatVector c21 = c20;
        FloatVector c22 = c20;
        FloatVector c30 = FloatVector.broadcast(F, bias[biasOff + 3]);
        FloatVector c31 = c30;
        FloatVector c32 = c30;
        for (int kk = 0, ai = aOff; kk < k; kk++, ai += MR) {
            int bi = bOff + rowOff[kk];
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(F, b, bi + 2 * L);
            FloatVector x = FloatVector.broadcast(F, a[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
        }
        FloatVector z = FloatVector.broadcast(F, floor);
        c00.max(z).intoArray(c, cOff);
        c01.max(z).intoArray(c, cOff + L);
        c02.max(z).intoArray(c, cOff + 2 * L);
        int o = cOff + ldc;
        c10.max(z).intoArray(c, o);
        c11.max(z).intoArray(c, o + L);
        c12.max(z).intoArray(c, o + 2 * L);
        o += ldc;
        c20.max(z).intoArray(c, o);
        c21.max(z).intoArray(c, o + L);
        c22.max(z).intoArray(c, o + 2 * L);
        o += ldc;
        c30.max(z).intoArray(c, o);
        c31.max(z).intoArray(c, o + L);
        c32.max(z).intoArray(c, o + 2 * L);
    }

    /**
     * Vectors over the output columns whose taps all lie inside the row, for 3-wide kernels with unit
     * horizontal stride (SCRFD's depthwise layers); the borders, and other shapes, go through the
     * scalar twin's loop. The loop over kernel rows has no branch and the three taps are written out:
     * with a {@code continue} in it, C2 kept the vectors boxed (11 MB allocated per run, measured).
     */
    @Override
    public void depthwise(float[] in, int inOff, int h, int w, float[] wgt, int wOff, int kh, int kw, int sh, int sw,
                          int pt, int pl, int dh, int dw, float bias, float[] out, int outOff, int oh, int ow,
                          float floor) {
        if (kw != 3 || sw != 1) {
            for (int oy = 0; oy < oh; oy++) {
                ScalarConvKernels.depthwiseColumns(in, inOff, h, w, wgt, wOff, kh, kw, sh, sw, pt, pl, dh, dw, bias, out,
                        outOff, ow, floor, oy, 0, ow);
            }
            return;
        }
        // columns where every tap is inside: ox - pl >= 0 and ox - pl + 2 * dw < w
        int oxA = Math.min(ow, pl);
        int oxB = Math.max(oxA, Math.min(ow, w + pl - 2 * dw));
        for (int oy = 0; oy < oh; oy++) {
            ScalarConvKernels.depthwiseColumns(in, inOff, h, w, wgt, wOff, kh, kw, sh, sw, pt, pl, dh, dw, bias, out,
                    outOff, ow, floor, oy, 0, oxA);
            // kernel rows inside the image: iy = oy * sh - pt + ky * dh in [0, h)
            int y0 = oy * sh - pt;
            int kyLo = y0 >= 0 ? 0 : (-y0 + dh - 1) / dh;
            int kyHi = Math.min(kh, y0 >= h ? 0 : (h - 1 - y0) / dh + 1);
            int ox = vectorColumns(in, inOff + (y0 + kyLo * dh) * w - pl, w * dh, dw, wgt, wOff + kyLo * 3,
                    Math.max(0, kyHi - kyLo), bias, floor, out, outOff + oy * ow, oxA, oxB);
            ScalarConvKernels.depthwiseColumns(in, inOff, h, w, wgt, wOff, kh, kw, sh, sw, pt, pl, dh, dw, bias, out,
                    outOff, ow, floor, oy, ox, ow);
        }
    }

    /** Whole vectors of outputs in {@code [from, to)}; returns where they stopped. */
    private static int vectorColumns(float[] in, int base, int rowStep, int dw, float[] wgt, int wOff, int rows,
                                     float bias, float floor, float[] out, int o, int from, int to) {
        FloatVector vb = FloatVector.broadcast(F, bias);
        FloatVector z = FloatVector.broadcast(F, floor);
        int ox = from;
        for (; ox + L <= to; ox += L) {
            FloatVector acc = vb;
            for (int r = 0, i = base + ox, wi = wOff; r < rows; r++, i += rowStep, wi += 3) {
                acc = FloatVector.fromArray(F, in, i).fma(FloatVector.broadcast(F, wgt[wi]), acc);
                acc = FloatVector.fromArray(F, in, i + dw).fma(FloatVector.broadcast(F, wgt[wi + 1]), acc);
                acc = FloatVector.fromArray(F, in, i + 2 * dw).fma(FloatVector.broadcast(F, wgt[wi + 2]), acc);
            }
            acc.max(z).intoArray(out, o + ox);
        }
        return ox;
    }
}
