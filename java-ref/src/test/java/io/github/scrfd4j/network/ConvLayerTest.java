package io.github.scrfd4j.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.vector.ConvKernels;
import io.github.scrfd4j.vector.KernelsProvider;
import io.github.scrfd4j.vector.ScalarConvKernels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Convolutions (packed GEMM, direct 1x1, depthwise) against the textbook definition evaluated in double,
 * on random geometries with odd sizes: channel counts that are not multiples of the 4 weight rows,
 * pixel counts that are not multiples of the panel width, asymmetric pads, strides, dilations, groups.
 * Also: the result does not depend on the number of threads, bit for bit.
 */
class ConvLayerTest {
    /** out[co][oy][ox] = bias + sum over ci in co's group, ky, kx of w * in (zero outside), in double. */
    static double[] naive(float[] in, ConvGeometry g, float[] w, float[] bias, boolean relu) {
        int cinG = g.inChannels() / g.groups();
        int coutG = g.outChannels() / g.groups();
        double[] out = new double[g.outChannels() * g.oh() * g.ow()];
        for (int co = 0; co < g.outChannels(); co++) {
            int grp = co / coutG;
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++) {
                    double s = bias == null ? 0 : bias[co];
                    for (int c = 0; c < cinG; c++) {
                        int ci = grp * cinG + c;
                        for (int ky = 0; ky < g.kh(); ky++) {
                            for (int kx = 0; kx < g.kw(); kx++) {
                                int iy = oy * g.sh() - g.pt() + ky * g.dh();
                                int ix = ox * g.sw() - g.pl() + kx * g.dw();
                                if (iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w()) {
                                    s += (double) w[((co * cinG + c) * g.kh() + ky) * g.kw() + kx]
                                            * in[(ci * g.h() + iy) * g.w() + ix];
                                }
                            }
                        }
                    }
                    out[(co * g.oh() + oy) * g.ow() + ox] = relu ? Math.max(s, 0) : s;
                }
            }
        }
        return out;
    }

    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    static ConvGeometry geometry(Random rnd, boolean depthwise) {
        while (true) {
            int groups = depthwise ? 1 + rnd.nextInt(13) : (rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 1);
            int cin = depthwise ? groups : groups * (1 + rnd.nextInt(9));
            int cout = depthwise ? groups : groups * (1 + rnd.nextInt(11));
            int kh = 1 + rnd.nextInt(4);
            int kw = 1 + rnd.nextInt(4);
            int sh = 1 + rnd.nextInt(3);
            int sw = 1 + rnd.nextInt(3);
            int h = 1 + rnd.nextInt(41);
            int w = 1 + rnd.nextInt(61);
            int pt = rnd.nextInt(3);
            int pl = rnd.nextInt(3);
            int pb = rnd.nextInt(3);
            int pr = rnd.nextInt(3);
            int dh = 1 + rnd.nextInt(2);
            int dw = 1 + rnd.nextInt(2);
            int oh = (h + pt + pb - dh * (kh - 1) - 1) / sh + 1;
            int ow = (w + pl + pr - dw * (kw - 1) - 1) / sw + 1;
            if (h + pt + pb - dh * (kh - 1) - 1 >= 0 && w + pl + pr - dw * (kw - 1) - 1 >= 0 && oh > 0 && ow > 0) {
                return new ConvGeometry(cin, h, w, cout, kh, kw, sh, sw, pt, pl, pb, pr, dh, dw, groups, oh, ow);
            }
        }
    }

    /** Runs one layer with its input in slot 0, its output in slot 1, any working storage after. */
    static float[] run(Layer layer, Storage in, Storage out, float[] input, int threads) {
        float[][] buf = new float[1 + layer.writes.size()][];
        buf[0] = input;
        in.slot = 0;
        out.slot = 1;
        buf[1] = new float[out.size];
        int next = 2;
        for (Storage s : layer.writes) {
            if (s != out) {
                s.slot = next;
                buf[next++] = new float[s.size];
            }
        }
        try (Workers workers = new Workers(threads, "test")) {
            workers.ensureScratch(layer.scratch());
            layer.run(buf, workers);
        }
        return buf[1];
    }

    private static Layer layer(ConvKernels k, ConvGeometry g, Storage in, Storage out, float[] w, float[] b, boolean relu) {
        boolean dw = g.groups() == g.inChannels() && g.groups() == g.outChannels();
        return dw ? new DepthwiseConvLayer(k, in, out, g, w, b, relu) : new ConvLayer(k, in, out, g, w, b, relu);
    }

    @Test
    void matchesTheDefinitionOnRandomGeometries() {
        Random rnd = new Random(42);
        List<ConvKernels> kernels = new ArrayList<>();
        kernels.add(new ScalarConvKernels());
        kernels.add(KernelsProvider.conv());
        int checked = 0;
        for (int trial = 0; trial < 160; trial++) {
            ConvGeometry g = geometry(rnd, trial % 4 == 3);
            int cinG = g.inChannels() / g.groups();
            float[] w = random(rnd, g.outChannels() * cinG * g.kh() * g.kw());
            float[] b = rnd.nextBoolean() ? null : random(rnd, g.outChannels());
            boolean relu = rnd.nextBoolean();
            float[] in = random(rnd, g.inChannels() * g.h() * g.w());
            double[] expected = naive(in, g, w, b, relu);
            float[] first = null;
            for (ConvKernels k : kernels) {
                Storage si = new Storage(in.length);
                Storage so = new Storage(expected.length);
                float[] got = run(layer(k, g, si, so, w, b, relu), si, so, in, 1);
                for (int i = 0; i < expected.length; i++) {
                    double tol = 1e-5 * (1 + Math.abs(expected[i])) * Math.sqrt(cinG * g.kh() * g.kw());
                    assertEquals(expected[i], got[i], tol, "trial " + trial + " " + g + " " + k.name() + " index " + i);
                }
                if (first != null) {
                    assertArrayEquals(first, got, "scalar and " + k.name() + " differ: trial " + trial + " " + g);
                }
                first = got;
                checked++;
            }
        }
        assertTrue(checked >= 320);
    }

    @Test
    void threadCountDoesNotChangeABit() {
        Random rnd = new Random(5);
        ConvKernels k = KernelsProvider.conv();
        for (int trial = 0; trial < 30; trial++) {
            ConvGeometry g = geometry(rnd, trial % 3 == 2);
            float[] w = random(rnd, g.outChannels() * g.inChannels() / g.groups() * g.kh() * g.kw());
            float[] b = random(rnd, g.outChannels());
            float[] in = random(rnd, g.inChannels() * g.h() * g.w());
            Storage si = new Storage(in.length);
            Storage so = new Storage(g.outChannels() * g.oh() * g.ow());
            Layer l = layer(k, g, si, so, w, b, true);
            float[] one = run(l, si, so, in, 1);
            assertArrayEquals(one, run(l, si, so, in, 2), "2 threads: " + g);
            assertArrayEquals(one, run(l, si, so, in, 3), "3 threads: " + g);
        }
    }
}
