package io.github.scrfd4j.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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
    public void gemm(float[] a, int aOff, float[] bias, int m0, int rows, float[] b, int bOff, int bStride, int k,
                     float[] c, int cOff, int ldc, int cols, boolean relu) {
        float s0 = bias == null ? 0f : bias[m0];
        float s1 = bias == null || rows < 2 ? 0f : bias[m0 + 1];
        float s2 = bias == null || rows < 3 ? 0f : bias[m0 + 2];
        float s3 = bias == null || rows < 4 ? 0f : bias[m0 + 3];
        FloatVector c00 = FloatVector.broadcast(F, s0);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c10 = FloatVector.broadcast(F, s1);
        FloatVector c11 = c10;
        FloatVector c12 = c10;
        FloatVector c20 = FloatVector.broadcast(F, s2);
        FloatVector c21 = c20;
        FloatVector c22 = c20;
        FloatVector c30 = FloatVector.broadcast(F, s3);
        FloatVector c31 = c30;
        FloatVector c32 = c30;
        for (int kk = 0, ai = aOff, bi = bOff; kk < k; kk++, ai += MR, bi += bStride) {
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
        if (relu) {
            FloatVector z = FloatVector.zero(F);
            c00 = c00.max(z);
            c01 = c01.max(z);
            c02 = c02.max(z);
            c10 = c10.max(z);
            c11 = c11.max(z);
            c12 = c12.max(z);
            c20 = c20.max(z);
            c21 = c21.max(z);
            c22 = c22.max(z);
            c30 = c30.max(z);
            c31 = c31.max(z);
            c32 = c32.max(z);
        }
        store(c00, c01, c02, c, cOff, cols);
        if (rows > 1) {
            store(c10, c11, c12, c, cOff + ldc, cols);
        }
        if (rows > 2) {
            store(c20, c21, c22, c, cOff + 2 * ldc, cols);
        }
        if (rows > 3) {
            store(c30, c31, c32, c, cOff + 3 * ldc, cols);
        }
    }

    private static void store(FloatVector v0, FloatVector v1, FloatVector v2, float[] c, int off, int cols) {
        if (cols == NR) {
            v0.intoArray(c, off);
            v1.intoArray(c, off + L);
            v2.intoArray(c, off + 2 * L);
            return;
        }
        part(v0, c, off, cols);
        part(v1, c, off + L, cols - L);
        part(v2, c, off + 2 * L, cols - 2 * L);
    }

    private static void part(FloatVector v, float[] c, int off, int n) {
        if (n >= L) {
            v.intoArray(c, off);
        } else if (n > 0) {
            VectorMask<Float> m = F.indexInRange(0, n);
            v.intoArray(c, off, m);
        }
    }

    /**
     * Vectors over the output columns whose taps all lie inside the row, for unit horizontal stride;
     * the borders, and other strides, go through the scalar twin's loop.
     */
    @Override
    public void depthwise(float[] in, int inOff, int h, int w, float[] wgt, int wOff, int kh, int kw, int sh, int sw,
                          int pt, int pl, int dh, int dw, float bias, float[] out, int outOff, int oh, int ow,
                          boolean relu) {
        // columns where every tap is inside: ox - pl >= 0 and ox - pl + (kw - 1) * dw < w
        int oxA = sw == 1 ? Math.min(ow, pl) : ow;
        int oxB = sw == 1 ? Math.max(oxA, Math.min(ow, w + pl - (kw - 1) * dw)) : ow;
        FloatVector vb = FloatVector.broadcast(F, bias);
        FloatVector z = FloatVector.zero(F);
        for (int oy = 0; oy < oh; oy++) {
            ScalarConvKernels.depthwiseColumns(in, inOff, h, w, wgt, wOff, kh, kw, sh, sw, pt, pl, dh, dw, bias, out,
                    outOff, ow, relu, oy, 0, oxA);
            int o = outOff + oy * ow;
            int ox = oxA;
            for (; ox + L <= oxB; ox += L) {
                FloatVector acc = vb;
                for (int ky = 0; ky < kh; ky++) {
                    int iy = oy * sh - pt + ky * dh;
                    if (iy < 0 || iy >= h) {
                        continue;
                    }
                    int base = inOff + iy * w + ox - pl;
                    for (int kx = 0; kx < kw; kx++) {
                        acc = FloatVector.fromArray(F, in, base + kx * dw).fma(FloatVector.broadcast(F, wgt[wOff + ky * kw + kx]), acc);
                    }
                }
                (relu ? acc.max(z) : acc).intoArray(out, o + ox);
            }
            ScalarConvKernels.depthwiseColumns(in, inOff, h, w, wgt, wOff, kh, kw, sh, sw, pt, pl, dh, dw, bias, out,
                    outOff, ow, relu, oy, ox, ow);
        }
    }
}
