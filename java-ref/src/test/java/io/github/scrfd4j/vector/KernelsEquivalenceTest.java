package io.github.scrfd4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.SyntheticOutputs;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.image.LetterboxParams;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels against their scalar twin: identical results, bit for bit, on random and
 * hostile inputs. Skipped (with the reason) when the JVM runs without jdk.incubator.vector.
 */
class KernelsEquivalenceTest {
    private Kernels scalar;
    private Kernels vector;

    @BeforeEach
    void kernels() {
        assumeTrue(KernelsProvider.vectorModulePresent(),
                "skipped: jdk.incubator.vector is not readable in this JVM (scalar-only run)");
        scalar = KernelsProvider.scalar();
        vector = KernelsProvider.vector();
    }

    @Test
    void runsAtTheRequestedOrThePreferredWidth() {
        String bits = System.getProperty(PanamaKernels.BITS);
        int want = bits != null ? Integer.parseInt(bits)
                : jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
        assertEquals(want / 32, PanamaKernels.lanes(), vector.name());
        // .ci/arm64 states the width a Pi has (NEON: 128 bits), so an emulated CPU with SVE would fail here
        String expected = System.getProperty("scrfd4j.expect.vector.bits");
        if (expected != null) {
            assertEquals(Integer.parseInt(expected) / 32, PanamaKernels.lanes(),
                    "vector width on " + System.getProperty("os.arch") + ": " + vector.name());
        }
        System.out.println("vector kernels at " + want + " bits" + (bits != null ? "" : " (the machine's preferred width)")
                + " on " + System.getProperty("os.arch") + ": " + vector.name());
    }

    /** Scores drawn to hit every path: below/above, exactly at threshold, ties, NaN, infinities. */
    private static float score(Random rnd, int mode) {
        switch (mode) {
            case 0:
                return rnd.nextFloat() * 0.29f; // empty: nothing passes
            case 1:
                return 0.31f + rnd.nextFloat() * 0.69f; // everything passes
            case 2:
                return Math.round(rnd.nextFloat() * 8) / 8f; // heavy ties, some exactly 0.375
            default:
                int r = rnd.nextInt(40);
                return r == 0 ? Float.NaN : r == 1 ? Float.POSITIVE_INFINITY : r == 2 ? Float.NEGATIVE_INFINITY
                        : r == 3 ? 0.3f : rnd.nextFloat();
        }
    }

    private static float distance(Random rnd, boolean hostile) {
        if (hostile) {
            int r = rnd.nextInt(60);
            if (r == 0) {
                return Float.NaN;
            }
            if (r == 1) {
                return Float.POSITIVE_INFINITY;
            }
            if (r == 2) {
                return -0f;
            }
        }
        return rnd.nextFloat() * 6f - 1f;
    }

    @Test
    void postProcessingIsIdenticalOnThousandsOfRandomCases() {
        Random rnd = new Random(42);
        int nonEmpty = 0;
        for (int k = 0; k < 1200; k++) {
            int w = 32 * (1 + rnd.nextInt(6));
            int h = 32 * (1 + rnd.nextInt(6));
            boolean kps = rnd.nextBoolean();
            io.github.scrfd4j.anchors.StridePlan plan = rnd.nextInt(4) == 0
                    ? io.github.scrfd4j.anchors.StridePlan.FIVE_STRIDES
                    : io.github.scrfd4j.anchors.StridePlan.THREE_STRIDES;
            SyntheticOutputs o = new SyntheticOutputs(plan, w, h, kps);
            int mode = k % 4;
            boolean hostile = k % 3 == 0;
            for (int l = 0; l < plan.levels(); l++) {
                for (int i = 0; i < o.scores[l].length; i++) {
                    o.scores[l][i] = score(rnd, mode);
                }
                for (int i = 0; i < o.boxes[l].length; i++) {
                    o.boxes[l][i] = distance(rnd, hostile);
                }
                for (int i = 0; i < o.landmarks[l].length; i++) {
                    o.landmarks[l][i] = distance(rnd, hostile) - 2f;
                }
            }
            Convention c = rnd.nextBoolean() ? Convention.LITE_AI_TOOLKIT : Convention.INSIGHTFACE;
            int imgW = 1 + rnd.nextInt(2000);
            int imgH = 1 + rnd.nextInt(2000);
            LetterboxParams lb = LetterboxParams.plan(c.letterbox(), imgW, imgH, w, h);
            float iou = rnd.nextInt(10) == 0 ? 0f : 0.2f + rnd.nextFloat() * 0.6f;
            int topK = 1 + rnd.nextInt(500);
            List<Face> a = new PostProcessor(c, 0.3f, iou, topK, scalar).process(o.tensors(), o.layout(w, h), lb);
            List<Face> b = new PostProcessor(c, 0.3f, iou, topK, vector).process(o.tensors(), o.layout(w, h), lb);
            assertEquals(a, b, "case " + k + " " + c + " " + w + "x" + h + " kps=" + kps + " mode=" + mode);
            if (!a.isEmpty()) {
                nonEmpty++;
            }
        }
        assertEquals(true, nonEmpty > 500, "most cases must produce faces, got " + nonEmpty);
    }

    @Test
    void selectAndSuppressAgreeElementwise() {
        Random rnd = new Random(5);
        for (int k = 0; k < 1000; k++) {
            int n = rnd.nextInt(300);
            float[] s = new float[n + 3];
            for (int i = 0; i < s.length; i++) {
                s[i] = score(rnd, 3);
            }
            int[] o1 = new int[n];
            int[] o2 = new int[n];
            int c1 = scalar.selectAtLeast(s, 3, n, 0.3f, o1);
            int c2 = vector.selectAtLeast(s, 3, n, 0.3f, o2);
            assertEquals(c1, c2);
            assertArrayEquals(java.util.Arrays.copyOf(o1, c1), java.util.Arrays.copyOf(o2, c2));

            float[] x1 = new float[n + 1];
            float[] y1 = new float[n + 1];
            float[] x2 = new float[n + 1];
            float[] y2 = new float[n + 1];
            float[] area = new float[n + 1];
            for (int i = 0; i <= n; i++) {
                x1[i] = rnd.nextFloat() * 100;
                y1[i] = rnd.nextFloat() * 100;
                x2[i] = x1[i] + rnd.nextFloat() * 60 - 5;
                y2[i] = y1[i] + rnd.nextFloat() * 60 - 5;
                if (rnd.nextInt(50) == 0) {
                    x2[i] = Float.NaN;
                }
                area[i] = (x2[i] - x1[i] + 1) * (y2[i] - y1[i] + 1);
            }
            for (boolean lite : new boolean[] {true, false}) {
                boolean[] r1 = new boolean[n + 1];
                boolean[] r2 = new boolean[n + 1];
                int i = n == 0 ? 0 : rnd.nextInt(n);
                float t = rnd.nextFloat();
                scalar.suppress(lite, t, i, n + 1, x1, y1, x2, y2, area, r1);
                vector.suppress(lite, t, i, n + 1, x1, y1, x2, y2, area, r2);
                assertArrayEquals(r1, r2, "suppress case " + k + " lite=" + lite);
            }
        }
    }

    @Test
    void blobIsIdentical() {
        Random rnd = new Random(9);
        for (int k = 0; k < 300; k++) {
            int w = 1 + rnd.nextInt(70);
            int h = 1 + rnd.nextInt(20);
            int stride = w * 3 + rnd.nextInt(9);
            byte[] src = new byte[stride * h + 5];
            rnd.nextBytes(src);
            float[] a = new float[3 * w * h + 2];
            float[] b = new float[3 * w * h + 2];
            boolean swap = rnd.nextBoolean();
            scalar.blob(src, 5, stride, w, h, swap, 127.5f, 1 / 128f, a, 2);
            vector.blob(src, 5, stride, w, h, swap, 127.5f, 1 / 128f, b, 2);
            assertArrayEquals(a, b, "blob " + w + "x" + h);
        }
    }

    @Test
    void resizeRowStepsAreIdenticalOnOddLengths() {
        Random rnd = new Random(13);
        for (int k = 0; k < 400; k++) {
            int sw = 1 + rnd.nextInt(300);
            int dw = 1 + rnd.nextInt(200); // up- and downscales, lengths not a multiple of the vector
            int n = 3 * dw;
            int[] i0 = new int[n];
            int[] i1 = new int[n];
            int[] w0 = new int[n];
            int[] w1 = new int[n];
            for (int dx = 0; dx < dw; dx++) {
                int sx = Math.min(sw - 1, (int) ((dx + 0.5) * sw / dw));
                boolean border = sx + 1 >= sw;
                int a0 = border ? 2048 : rnd.nextInt(2049);
                for (int c = 0; c < 3; c++) {
                    i0[3 * dx + c] = 3 * sx + c;
                    i1[3 * dx + c] = border ? 3 * sx + c : 3 * sx + 3 + c;
                    w0[3 * dx + c] = a0;
                    w1[3 * dx + c] = 2048 - a0;
                }
            }
            int rowStart = rnd.nextInt(5);
            byte[] src = new byte[rowStart + 3 * sw + rnd.nextInt(3)]; // the row may end the array
            rnd.nextBytes(src);
            int[] ha = new int[n];
            int[] hb = new int[n];
            scalar.rowResampler(i0, i1, w0, w1, n).apply(src, rowStart, ha);
            vector.rowResampler(i0, i1, w0, w1, n).apply(src, rowStart, hb);
            assertArrayEquals(ha, hb, "rowResampler " + sw + " -> " + dw);
            for (int e = 0; e < n; e++) { // hand-computed from the definition
                assertEquals((src[rowStart + i0[e]] & 0xFF) * w0[e] + (src[rowStart + i1[e]] & 0xFF) * w1[e], ha[e]);
            }
            int[] r1 = new int[n];
            for (int e = 0; e < n; e++) {
                r1[e] = rnd.nextInt(255 * 2048 + 1);
            }
            int b0 = rnd.nextInt(2049);
            byte[] va = new byte[n + Kernels.ROW_SLACK];
            byte[] vb = new byte[n + Kernels.ROW_SLACK];
            scalar.verticalLerp(ha, r1, b0, 2048 - b0, n, va);
            vector.verticalLerp(ha, r1, b0, 2048 - b0, n, vb);
            assertArrayEquals(java.util.Arrays.copyOf(va, n), java.util.Arrays.copyOf(vb, n), "verticalLerp n=" + n);
            float[] fa = new float[3 * dw + 4];
            float[] fb = new float[3 * dw + 4];
            boolean swap = rnd.nextBoolean();
            scalar.toPlanes(va, dw, swap, 127.5f, 1 / 128f, fa, 1, 1 + dw, 1 + 2 * dw);
            vector.toPlanes(va, dw, swap, 127.5f, 1 / 128f, fb, 1, 1 + dw, 1 + 2 * dw);
            assertArrayEquals(fa, fb, "toPlanes px=" + dw);
        }
    }
}
