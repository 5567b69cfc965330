package io.github.scrfd4j.network;

import io.github.scrfd4j.vector.ConvKernels;
import java.util.List;

/**
 * A convolution as matrix products whose weights are packed once at load ({@code [ceil(M / MR)][K][MR]}
 * per group, zero rows past M). The input operand is read without an {@code im2col} copy wherever it
 * can be: a 1x1 stride-1 convolution reads the input in place; every other convolution reads shifted
 * rows of a zero-padded copy of the input (one offset per kernel tap, as XNNPACK's indirection does),
 * made one band of {@value #BAND} output rows at a time by the worker that computes that band, into its
 * own scratch (the copy stays in that core's cache, and no core waits for another's copy), computing
 * each output row in panels. For a horizontal stride s the copy keeps each row as s phases (columns
 * {@code c} with {@code c % s == p} side by side), so that a tap's inputs for consecutive outputs are
 * consecutive floats again. The last, short block of a 1x1 layer is gathered into a worker's scratch.
 * Every output is one chain of fused multiply-adds over (input channel, ky, kx) in that order, whichever
 * way, so the methods agree bit for bit. Bias and a following ReLU are applied in the kernel.
 */
final class ConvLayer extends Layer {
    private enum Method { IN_PLACE, SHIFTED_ROWS }

    /** Output rows per band of the padded copy. */
    static final int BAND = 8;

    private final ConvKernels kernels;
    private final Storage in;
    private final Storage out;
    private final ConvGeometry g;
    private final float[][] packed;
    /** Bias per output channel, zero-padded by {@link ConvKernels#MR} so that every block reads whole rows. */
    private final float[] bias;
    private final float floor;
    private final int nr;
    private final int k;
    private final int m;
    private final int cin;
    private final Method method;
    /** IN_PLACE: columns per block, blocks. */
    private final int block;
    private final int blocks;
    /** SHIFTED_ROWS: floats per phase of a padded row, per padded row (all phases), input rows of a band. */
    private final int wpp;
    private final int rowStride;
    private final int hp;
    private final int[] rowOff;
    /** IN_PLACE: row offsets of the gathered last block, which is too short to read in place. */
    private final int[] tailOff;

    ConvLayer(ConvKernels kernels, Storage in, Storage out, ConvGeometry g, float[] weights, float[] bias, boolean relu) {
        super("Conv " + g.kh() + "x" + g.kw() + (g.groups() > 1 ? " grouped" : "") + (g.sh() > 1 ? " s" + g.sh() : ""),
                List.of(in), List.of(out));
        this.kernels = kernels;
        this.in = in;
        this.out = out;
        this.g = g;
        this.bias = new float[g.outChannels() + ConvKernels.MR];
        if (bias != null) {
            System.arraycopy(bias, 0, this.bias, 0, g.outChannels());
        }
        this.floor = relu ? 0f : Float.NEGATIVE_INFINITY;
        this.m = g.outChannels() / g.groups();
        this.cin = g.inChannels() / g.groups();
        this.k = cin * g.kh() * g.kw();
        this.nr = kernels.panelWidth();
        int pixels = g.oh() * g.ow();
        method = shifted(g) ? Method.SHIFTED_ROWS : Method.IN_PLACE;
        this.rowOff = new int[k];
        if (method == Method.SHIFTED_ROWS) {
            wpp = phaseWidth(g);
            rowStride = g.sw() * wpp;
            hp = bandRows(g);
            block = 0;
            blocks = 0;
            for (int ci = 0; ci < cin; ci++) {
                for (int ky = 0; ky < g.kh(); ky++) {
                    for (int kx = 0; kx < g.kw(); kx++) {
                        int c = kx * g.dw();
                        rowOff[(ci * g.kh() + ky) * g.kw() + kx] = ci * hp * rowStride + ky * g.dh() * rowStride
                                + (c % g.sw()) * wpp + c / g.sw();
                    }
                }
            }
        } else {
            wpp = 0;
            rowStride = 0;
            hp = 0;
            block = nr * 4;
            blocks = (pixels + block - 1) / block;
            for (int kk = 0; kk < k; kk++) {
                rowOff[kk] = kk * pixels;
            }
        }
        this.tailOff = new int[method == Method.IN_PLACE ? k : 0];
        for (int kk = 0; kk < tailOff.length; kk++) {
            tailOff[kk] = kk * block;
        }
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

    private static boolean shifted(ConvGeometry g) {
        boolean unit = g.sh() == 1 && g.sw() == 1;
        boolean inPlace = g.kh() == 1 && g.kw() == 1 && unit && g.pt() == 0 && g.pl() == 0 && g.pb() == 0 && g.pr() == 0;
        return !inPlace;
    }

    /** Floats of one phase of a padded row: every padded column, and every column a tap reads. */
    private static int phaseWidth(ConvGeometry g) {
        int wp = Math.max(g.w() + g.pl() + g.pr(), (g.ow() - 1) * g.sw() + (g.kw() - 1) * g.dw() + 1);
        return (wp + g.sw() - 1) / g.sw();
    }

    /** Input rows one band of output rows reads. */
    private static int bandRows(ConvGeometry g) {
        return (Math.min(BAND, g.oh()) - 1) * g.sh() + (g.kh() - 1) * g.dh() + 1;
    }

    /**
     * Floats of one group's padded copy of a band of input rows. Panels read up to a panel's width past
     * a row's last output column (into the next phase or row, or the slack at the end); those columns
     * are computed and discarded.
     */
    private int bandCopy() {
        long n = (long) cin * rowStride * hp + nr + wpp + (long) g.kw() * g.dw();
        if (n > Shapes.MAX_ELEMENTS) {
            throw new io.github.scrfd4j.onnx.OnnxFormatException("the padded input band of a " + g.kh() + "x" + g.kw()
                    + " convolution would hold " + n + " elements, over the limit of " + Shapes.MAX_ELEMENTS);
        }
        return (int) n;
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
        return (method == Method.SHIFTED_ROWS ? bandCopy() : k * block + nr) + ConvKernels.MR * nr;
    }

    /** How this layer reads its input, for tests: "in place" or "shifted rows". */
    String method() {
        return method == Method.IN_PLACE ? "in place" : "shifted rows";
    }

    @Override
    void run(float[][] buf, Workers workers) {
        float[] src = buf[in.slot];
        float[] dst = buf[out.slot];
        if (method == Method.SHIFTED_ROWS) {
            float[][] scratch = workers.scratch();
            int bands = (g.oh() + BAND - 1) / BAND;
            workers.forEach(g.groups() * bands, (task, worker) -> band(src, dst, scratch[worker], task / bands,
                    task % bands * BAND));
            return;
        }
        float[][] scratch = workers.scratch();
        workers.forEach(g.groups() * blocks, (task, worker) -> block(src, dst, scratch[worker], task / blocks,
                (task % blocks) * block));
    }

    /** Output rows {@code [y0, y0 + BAND)} of group {@code gi}: the band's padded copy, then its rows. */
    private void band(float[] src, float[] dst, float[] scratch, int gi, int y0) {
        for (int c = 0; c < cin; c++) {
            pad(src, scratch, gi * cin + c, c, y0);
        }
        for (int oy = y0, end = Math.min(g.oh(), y0 + BAND); oy < end; oy++) {
            shiftedRow(scratch, dst, scratch, gi, y0, oy);
        }
    }

    /**
     * Input channel {@code c}'s rows for output rows from {@code y0} on, into slot {@code slot} of the
     * band's copy, zeros around them.
     */
    private void pad(float[] src, float[] copy, int c, int slot, int y0) {
        int base = slot * hp * rowStride;
        int sw = g.sw();
        for (int r = 0; r < hp; r++) {
            int iy = y0 * g.sh() - g.pt() + r;
            int row = base + r * rowStride;
            if (iy < 0 || iy >= g.h()) {
                java.util.Arrays.fill(copy, row, row + rowStride, 0f);
                continue;
            }
            int srcRow = (c * g.h() + iy) * g.w();
            if (sw == 1) {
                java.util.Arrays.fill(copy, row, row + g.pl(), 0f);
                System.arraycopy(src, srcRow, copy, row + g.pl(), g.w());
                java.util.Arrays.fill(copy, row + g.pl() + g.w(), row + wpp, 0f);
                continue;
            }
            for (int p = 0; p < sw; p++) {
                int d = row + p * wpp;
                for (int j = 0, ix = p - g.pl(); j < wpp; j++, ix += sw) {
                    copy[d + j] = ix >= 0 && ix < g.w() ? src[srcRow + ix] : 0f;
                }
            }
        }
    }

    /** Output row {@code oy} of group {@code gi}, in panels, reading shifted rows of the band's padded copy. */
    private void shiftedRow(float[] padded, float[] dst, float[] scratch, int gi, int y0, int oy) {
        int pixels = g.oh() * g.ow();
        float[] a = packed[gi];
        int mr = ConvKernels.MR;
        int bBase = (oy - y0) * g.sh() * rowStride;
        for (int m0 = 0; m0 < m; m0 += mr) {
            int rows = Math.min(mr, m - m0);
            int aOff = (m0 / mr) * k * mr;
            int cBase = (gi * m + m0) * pixels + oy * g.ow();
            for (int x = 0; x < g.ow(); x += nr) {
                panel(a, aOff, gi * m + m0, rows, padded, bBase + x, rowOff, dst, cBase + x, pixels, Math.min(nr, g.ow() - x),
                        scratch);
            }
        }
    }

    private void block(float[] src, float[] dst, float[] scratch, int gi, int p0) {
        int pixels = g.oh() * g.ow();
        int n = Math.min(block, pixels - p0);
        float[] b;
        int bOff;
        int[] offs = rowOff;
        if (p0 + roundUp(n, nr) <= pixels) {
            b = src;
            bOff = gi * cin * pixels + p0;
        } else {
            gather(src, scratch, gi, p0, n);
            b = scratch;
            bOff = 0;
            offs = tailOff;
        }
        float[] a = packed[gi];
        int mr = ConvKernels.MR;
        for (int m0 = 0; m0 < m; m0 += mr) {
            int rows = Math.min(mr, m - m0);
            int aOff = (m0 / mr) * k * mr;
            int cBase = (gi * m + m0) * pixels + p0;
            for (int j = 0; j < n; j += nr) {
                panel(a, aOff, gi * m + m0, rows, b, bOff + j, offs, dst, cBase + j, pixels, Math.min(nr, n - j), scratch);
            }
        }
    }

    /** One kernel call; a partial block goes through the tile at the end of the worker's scratch. */
    private void panel(float[] a, int aOff, int m0, int rows, float[] b, int bOff, int[] offs, float[] dst, int cOff,
                       int ldc, int cols, float[] scratch) {
        if (rows == ConvKernels.MR && cols == nr) {
            kernels.gemm(a, aOff, bias, m0, b, bOff, offs, k, dst, cOff, ldc, floor);
            return;
        }
        int tile = scratch.length - ConvKernels.MR * nr;
        kernels.gemm(a, aOff, bias, m0, b, bOff, offs, k, scratch, tile, nr, floor);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(scratch, tile + r * nr, dst, cOff + r * ldc, cols);
        }
    }

    /** im2col of output pixels {@code [p0, p0 + n)} into {@code dst[kRow * block + (p - p0)]}. */
    private void gather(float[] src, float[] dst, int gi, int p0, int n) {
        int plane = g.h() * g.w();
        for (int ci = 0; ci < cin; ci++) {
            int chanBase = (gi * cin + ci) * plane;
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++) {
                    int rowOffset = ((ci * g.kh() + ky) * g.kw() + kx) * block;
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
                        int d = rowOffset + (p - p0);
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
                                int step = g.sw();
                                for (int x = a, o = d + (a - ox), i = rowIn + a * step; x < bnd; x++, o++, i += step) {
                                    dst[o] = src[i];
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
