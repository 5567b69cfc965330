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
        for (int trial = 0; trial < 400; trial++) {
            int k = 1 + rnd.nextInt(trial % 3 == 0 ? 300 : 40);
            int rows = 1 + rnd.nextInt(ConvKernels.MR);
            int cols = 1 + rnd.nextInt(nr);
            int bStride = nr + rnd.nextInt(3) * 7;
            int ldc = cols + rnd.nextInt(9);
            boolean relu = rnd.nextBoolean();
            float[] a = random(rnd, k * ConvKernels.MR + 3, true);
            float[] b = random(rnd, k * bStride + nr + 5, true);
            float[] bias = rnd.nextBoolean() ? null : random(rnd, 8, false);
            int m0 = bias == null ? 0 : rnd.nextInt(8 - rows + 1);
            int cOff = rnd.nextInt(5);
            float[] c1 = new float[cOff + ConvKernels.MR * ldc + 2];
            java.util.Arrays.fill(c1, Float.NaN);
            float[] c2 = c1.clone();
            scalar.gemm(a, 1, bias, m0, rows, b, 2, bStride, k, c1, cOff, ldc, cols, relu);
            vector.gemm(a, 1, bias, m0, rows, b, 2, bStride, k, c2, cOff, ldc, cols, relu);
            assertArrayEquals(c1, c2, "trial " + trial + ": k=" + k + " rows=" + rows + " cols=" + cols);
            // outside the block nothing was written (NaN sentinels survive), inside every value was
            for (int i = 0; i < c1.length; i++) {
                int rel = i - cOff;
                boolean inside = rel >= 0 && rel / ldc < rows && rel % ldc < cols;
                assertEquals(!inside, Float.isNaN(c2[i]), "trial " + trial + " index " + i + " written: " + inside);
            }
        }
    }

    @Test
    void gemmComputesTheProductItDocuments() {
        // rows (1 2 3) and (4 5 6), packed [k][MR], times the 3 x 2 matrix (1 -1; 0 2; -2 1), worked by hand
        float[] a = {1, 4, 0, 0, 2, 5, 0, 0, 3, 6, 0, 0};
        float[][] bRows = {{1, -1}, {0, 2}, {-2, 1}};
        for (ConvKernels kern : new ConvKernels[] {scalar, vector}) {
            int s = kern.panelWidth();
            float[] b = new float[3 * s];
            for (int kk = 0; kk < 3; kk++) {
                b[kk * s] = bRows[kk][0];
                b[kk * s + 1] = bRows[kk][1];
            }
            float[] c = new float[4];
            kern.gemm(a, 0, new float[] {10, 20}, 0, 2, b, 0, s, 3, c, 0, 2, 2, false);
            assertArrayEquals(new float[] {-5 + 10, 6 + 10, -8 + 20, 12 + 20}, c, kern.name());
            kern.gemm(a, 0, null, 0, 2, b, 0, s, 3, c, 0, 2, 2, true);
            assertArrayEquals(new float[] {0, 6, 0, 12}, c, kern.name() + " with ReLU");
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
            boolean relu = rnd.nextBoolean();
            float[] o1 = new float[oh * ow + 4];
            float[] o2 = new float[oh * ow + 4];
            scalar.depthwise(in, 3, h, w, wgt, 2, kh, kw, sh, sw, pt, pl, dh, dw, bias, o1, 0, oh, ow, relu);
            vector.depthwise(in, 3, h, w, wgt, 2, kh, kw, sh, sw, pt, pl, dh, dw, bias, o2, 0, oh, ow, relu);
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
            kern.depthwise(in, 0, 3, 3, ones, 0, 3, 3, 1, 1, 1, 1, 1, 1, 0f, out, 0, 3, 3, false);
            assertArrayEquals(expected, out, kern.name());
        }
    }
}
