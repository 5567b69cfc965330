package io.github.scrfd4j.network;

import io.github.scrfd4j.vector.ConvKernels;
import java.util.List;

/**
 * A convolution as matrix products over blocks of output pixels: the weights of each group are packed
 * once at load ({@code [ceil(M / MR)][K][MR]}, zero rows past M), and each block of input columns is
 * gathered into a worker's scratch ({@code im2col}) and multiplied by every weight row. A 1x1 stride-1
 * convolution reads its input in place instead. Bias and a following ReLU are applied in the kernel.
 */
final class ConvLayer extends Layer {
    /** Panels per block of output pixels that one task packs and multiplies. */
    private static final int PANELS_PER_BLOCK = 4;

    private final ConvKernels kernels;
    private final Storage in;
    private final Storage out;
    private final ConvGeometry g;
    private final float[][] packed;
    private final float[] bias;
    private final boolean relu;
    private final int nr;
    private final int block;
    private final int blocks;
    private final int k;
    private final int m;
    private final boolean direct;

    ConvLayer(ConvKernels kernels, Storage in, Storage out, ConvGeometry g, float[] weights, float[] bias, boolean relu) {
        super("Conv " + g.kh() + "x" + g.kw() + (g.groups() > 1 ? " grouped" : "") + (g.sh() > 1 ? " s" + g.sh() : ""),
                List.of(in), List.of(out));
        this.kernels = kernels;
        this.in = in;
        this.out = out;
        this.g = g;
        this.bias = bias;
        this.relu = relu;
        this.m = g.outChannels() / g.groups();
        this.k = g.inChannels() / g.groups() * g.kh() * g.kw();
        this.nr = kernels.panelWidth();
        int pixels = g.oh() * g.ow();
        this.block = Math.min(nr * PANELS_PER_BLOCK, roundUp(pixels, nr));
        this.blocks = (pixels + block - 1) / block;
        this.direct = g.kh() == 1 && g.kw() == 1 && g.sh() == 1 && g.sw() == 1 && g.pt() == 0 && g.pl() == 0 && g.pb() == 0
                && g.pr() == 0 && g.oh() == g.h() && g.ow() == g.w();
        this.packed = new float[g.groups()][];
        int mBlocks = (m + ConvKernels.MR - 1) / ConvKernels.MR;
        for (int gi = 0; gi < g.groups(); gi++) {
            float[] p = new float[mBlocks * k * ConvKernels.MR];
            for (int row = 0; row < m; row++) {
                int src = (gi * m + row) * k;
                int mb = row / ConvKernels.MR;
                int r = row % ConvKernels.MR;
                for (int kk = 0; kk < k; kk++) {
                    p[(mb * k + kk) * ConvKernels.MR + r] = weights[src + kk];
                }
            }
            packed[gi] = p;
        }
    }

    private static int roundUp(int n, int to) {
        return (n + to - 1) / to * to;
    }

    @Override
    long work() {
        return (long) g.outChannels() * k * g.oh() * g.ow();
    }

    @Override
    int scratch() {
        return k * block + nr;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        float[] src = buf[in.slot];
        float[] dst = buf[out.slot];
        float[][] scratch = workers.scratch();
        workers.forEach(g.groups() * blocks, (task, worker) -> {
            int gi = task / blocks;
            int p0 = (task % blocks) * block;
            computeBlock(src, dst, scratch[worker], gi, p0);
        });
    }

    private void computeBlock(float[] src, float[] dst, float[] scratch, int gi, int p0) {
        int pixels = g.oh() * g.ow();
        int n = Math.min(block, pixels - p0);
        float[] b;
        int bOff;
        int bStride;
        if (direct && p0 + roundUp(n, nr) <= pixels) {
            b = src;
            bOff = gi * (g.inChannels() / g.groups()) * pixels + p0;
            bStride = pixels;
        } else {
            pack(src, scratch, gi, p0, n);
            b = scratch;
            bOff = 0;
            bStride = block;
        }
        float[] a = packed[gi];
        int mr = ConvKernels.MR;
        for (int m0 = 0; m0 < m; m0 += mr) {
            int rows = Math.min(mr, m - m0);
            int aOff = (m0 / mr) * k * mr;
            int cBase = (gi * m + m0) * pixels + p0;
            for (int j = 0; j < n; j += nr) {
                kernels.gemm(a, aOff, bias, gi * m + m0, rows, b, bOff + j, bStride, k, dst, cBase + j, pixels,
                        Math.min(nr, n - j), relu);
            }
        }
    }

    /** im2col of output pixels {@code [p0, p0 + n)} into {@code dst[kRow * block + (p - p0)]}. */
    private void pack(float[] src, float[] dst, int gi, int p0, int n) {
        int cin = g.inChannels() / g.groups();
        int plane = g.h() * g.w();
        for (int ci = 0; ci < cin; ci++) {
            int chanBase = (gi * cin + ci) * plane;
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++) {
                    int rowOff = ((ci * g.kh() + ky) * g.kw() + kx) * block;
                    int xShift = kx * g.dw() - g.pl();
                    // output columns whose input column lies inside: ox * sw + xShift in [0, w)
                    int lo = ceilDiv(-xShift, g.sw());
                    int hi = ceilDiv(g.w() - xShift, g.sw());
                    int p = p0;
                    int end = p0 + n;
                    while (p < end) {
                        int oy = p / g.ow();
                        int ox = p - oy * g.ow();
                        int len = Math.min(g.ow() - ox, end - p);
                        int d = rowOff + (p - p0);
                        int iy = oy * g.sh() - g.pt() + ky * g.dh();
                        if (iy < 0 || iy >= g.h()) {
                            java.util.Arrays.fill(dst, d, d + len, 0f);
                        } else {
                            int a = Math.max(ox, Math.min(lo, ox + len));
                            int bnd = Math.max(a, Math.min(hi, ox + len));
                            if (a > ox) {
                                java.util.Arrays.fill(dst, d, d + (a - ox), 0f);
                            }
                            int rowIn = chanBase + iy * g.w() + xShift;
                            if (bnd == a) {
                                // no input column falls in this run (all padding)
                            } else if (g.sw() == 1) {
                                System.arraycopy(src, rowIn + a, dst, d + (a - ox), bnd - a);
                            } else {
                                for (int x = a, o = d + (a - ox); x < bnd; x++, o++) {
                                    dst[o] = src[rowIn + x * g.sw()];
                                }
                            }
                            if (ox + len > bnd) {
                                java.util.Arrays.fill(dst, d + (bnd - ox), d + len, 0f);
                            }
                        }
                        p += len;
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
