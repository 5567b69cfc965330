package io.github.scrfd4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vector API convolution kernels against their scalar twin: bit-identical outputs (both are one
 * chain of fused multiply-adds per output, in the same order) on random shapes whose sizes are not
 * multiples of the vector length, and nothing written outside the block asked for. Skipped with the
 * reason when the JVM runs without jdk.incubator.vector.
 */
class ConvKernelsEquivalenceTest {
    private ConvKernels scalar;
    private ConvKernels vector;

    @BeforeEach
    void kernels() {
        assumeTrue(KernelsProvider.vectorModulePresent(),
                "skipped: jdk.incubator.vector is not readable in this JVM (scalar-only run)");
        scalar = new ScalarConvKernels();
        vector = KernelsProvider.convVector();
    }

    private static float[] random(Random rnd, int n, boolean specials) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
            if (specials && rnd.nextInt(500) == 0) {
                a[i] = rnd.nextBoolean() ? -0f : 1e15f;
            }
        }
        return a;
    }

    @Test
    void gemmIsBitIdenticalOnRandomBlocks() {
        Random rnd = new Random(2026);
        int nr = vector.panelWidth();
        assertEquals(0, nr % 4, "panel width " + nr);
        int snr = scalar.panelWidth();
        for (int trial = 0; trial < 400; trial++) {
            int k = 1 + rnd.nextInt(trial % 3 == 0 ? 300 : 40);
            int bStride = nr + rnd.nextInt(3) * 7;
            int ldc = nr + rnd.nextInt(9);
            float floor = rnd.nextBoolean() ? 0f : Float.NEGATIVE_INFINITY;
            float[] a = random(rnd, k * ConvKernels.MR + 3, true);
            float[] b = random(rnd, k * bStride + nr + 5 + 16, true);
            float[] bias = random(rnd, 8, false);
            int m0 = rnd.nextInt(5);
            int cOff = rnd.nextInt(5);
            // rows at a fixed stride (gathered panels) or at arbitrary offsets (shifted input rows)
            int[] rowOff = new int[k];
            for (int kk = 0; kk < k; kk++) {
                rowOff[kk] = trial % 2 == 0 ? kk * bStride : rnd.nextInt(k * bStride - nr + 1);
            }
            // the scalar twin computes panels of its own width: cover the vector panel with as many as it takes,
            // into a wide enough array of its own
            int wide = (nr + snr - 1) / snr * snr;
            float[] c1 = new float[ConvKernels.MR * wide];
            for (int j = 0; j < nr; j += snr) {
                scalar.gemm(a, 1, bias, m0, b, 2 + j, rowOff, k, c1, j, wide, floor);
            }
            float[] c2 = new float[cOff + ConvKernels.MR * ldc + 2];
            java.util.Arrays.fill(c2, Float.NaN);
            vector.gemm(a, 1, bias, m0, b, 2, rowOff, k, c2, cOff, ldc, floor);
            for (int r = 0; r < ConvKernels.MR; r++) {
                for (int j = 0; j < nr; j++) {
                    assertEquals(Float.floatToRawIntBits(c1[r * wide + j]), Float.floatToRawIntBits(c2[cOff + r * ldc + j]),
                            "trial " + trial + ": k=" + k + " row " + r + " column " + j);
                }
            }
            // outside the block nothing was written (NaN sentinels survive), inside every value was
            for (int i = 0; i < c2.length; i++) {
                int rel = i - cOff;
                boolean inside = rel >= 0 && rel / ldc < ConvKernels.MR && rel % ldc < nr;
                assertEquals(!inside, Float.isNaN(c2[i]), "trial " + trial + " index " + i + " written: " + inside);
            }
        }
    }

    @Test
    void gemmComputesTheProductItDocuments() {
        // rows (1 2 3), (4 5 6), 0, 0, packed [k][MR], times the 3 x 2 matrix (1 -1; 0 2; -2 1), worked by hand
        float[] a = {1, 4, 0, 0, 2, 5, 0, 0, 3, 6, 0, 0};
        float[][] bRows = {{1, -1}, {0, 2}, {-2, 1}};
        for (ConvKernels kern : new ConvKernels[] {scalar, vector}) {
            int s = kern.panelWidth();
            float[] b = new float[3 * s];
            for (int kk = 0; kk < 3; kk++) {
                b[kk * s] = bRows[kk][0];
                b[kk * s + 1] = bRows[kk][1];
            }
            float[] c = new float[4 * s];
            int[] rows = {0, s, 2 * s};
            kern.gemm(a, 0, new float[] {10, 20, 0, 0}, 0, b, 0, rows, 3, c, 0, s, Float.NEGATIVE_INFINITY);
            assertArrayEquals(new float[] {-5 + 10, 6 + 10, -8 + 20, 12 + 20}, new float[] {c[0], c[1], c[s], c[s + 1]},
                    kern.name());
            kern.gemm(a, 0, new float[4], 0, b, 0, rows, 3, c, 0, s, 0f);
            assertArrayEquals(new float[] {0, 6, 0, 12}, new float[] {c[0], c[1], c[s], c[s + 1]}, kern.name() + " with ReLU");
        }
    }

    @Test
    void depthwiseIsBitIdenticalOnRandomGeometries() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int h = 1 + rnd.nextInt(23);
            int w = 1 + rnd.nextInt(53);
            int kh = 1 + rnd.nextInt(5);
            int kw = 1 + rnd.nextInt(5);
            int sh = 1 + rnd.nextInt(2);
            int sw = trial % 3 == 0 ? 2 : 1;
            int pt = rnd.nextInt(3);
            int pl = rnd.nextInt(3);
            int dh = 1 + rnd.nextInt(2);
            int dw = 1 + rnd.nextInt(2);
            int oh = (h + 2 * pt - dh * (kh - 1) - 1) / sh + 1;
            int ow = (w + 2 * pl - dw * (kw - 1) - 1) / sw + 1;
            if (oh <= 0 || ow <= 0) {
                continue;
            }
            float[] in = random(rnd, h * w + 3, true);
            float[] wgt = random(rnd, kh * kw + 2, false);
            float bias = (float) rnd.nextGaussian();
            float floor = rnd.nextBoolean() ? 0f : Float.NEGATIVE_INFINITY;
            float[] o1 = new float[oh * ow + 4];
            float[] o2 = new float[oh * ow + 4];
            scalar.depthwise(in, 3, h, w, wgt, 2, kh, kw, sh, sw, pt, pl, dh, dw, bias, o1, 0, oh, ow, floor);
            vector.depthwise(in, 3, h, w, wgt, 2, kh, kw, sh, sw, pt, pl, dh, dw, bias, o2, 0, oh, ow, floor);
            assertArrayEquals(o1, o2, "trial " + trial + ": " + h + "x" + w + " k" + kh + "x" + kw + " s" + sh + "," + sw
                    + " p" + pt + "," + pl + " d" + dh + "," + dw);
        }
    }

    @Test
    void depthwiseMatchesAHandComputedCase() {
        // 3x3 input 1..9, 3x3 kernel of ones, pad 1, stride 1: each output is the sum of its neighbourhood
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        float[] expected = {12, 21, 16, 27, 45, 33, 24, 39, 28};
        for (ConvKernels kern : new ConvKernels[] {scalar, vector}) {
            float[] out = new float[9];
            kern.depthwise(in, 0, 3, 3, ones, 0, 3, 3, 1, 1, 1, 1, 1, 1, 0f, out, 0, 3, 3, Float.NEGATIVE_INFINITY);
            assertArrayEquals(expected, out, kern.name());
        }
    }
}
