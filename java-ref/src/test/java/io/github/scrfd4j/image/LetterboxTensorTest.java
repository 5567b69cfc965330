package io.github.scrfd4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.vector.Kernels;
import io.github.scrfd4j.vector.KernelsProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass letterbox + tensor against the two-step {@link Letterbox} + {@link Blob} with scalar
 * kernels (itself checked against OpenCV in {@code LinearResizeTest} and {@code BlobTest}): every
 * float bit-identical, for both conventions, both kernel sets, odd sizes, up- and downscales, the
 * exact-halving and identity cases, and a tensor at an offset inside a larger array.
 */
class LetterboxTensorTest {
    private static final List<Kernels> KERNELS = List.of(KernelsProvider.scalar(), KernelsProvider.get());

    static float[] twoStep(BgrImage img, Convention conv, int w, int h) {
        BgrImage canvas = BgrImage.allocate(w, h);
        new Letterbox().apply(img, conv.letterbox(), canvas);
        float[] t = new float[3 * w * h];
        new Blob(KernelsProvider.scalar()).write(canvas, BlobOptions.SCRFD, t, 0);
        return t;
    }

    @Test
    void identicalToLetterboxThenBlob() {
        Random rnd = new Random(11);
        int[][] sizes = {{1500, 895}, {580, 330}, {810, 1080}, {1, 1}, {2, 3}, {17, 5}, {639, 641}, {1280, 1280},
            {640, 640}, {320, 200}, {4000, 3000}, {33, 1000}, {1000, 33}, {641, 17}, {9000, 50}};
        for (Kernels k : KERNELS) {
            LetterboxTensor lt = LetterboxTensor.eager(k);
            for (int[] s : sizes) {
                BgrImage img = LinearResizeTest.random(rnd, s[0], s[1]);
                if (s[0] == 4000) {
                    img = LinearResizeTest.gradient(s[0], s[1], 3);
                }
                for (Convention conv : Convention.values()) {
                    for (int[] in : new int[][] {{640, 640}, {320, 256}}) {
                        float[] expected = twoStep(img, conv, in[0], in[1]);
                        float[] actual = new float[expected.length + 7];
                        Arrays.fill(actual, Float.NaN);
                        LetterboxParams p = lt.apply(img, conv.letterbox(), BlobOptions.SCRFD, in[0], in[1], actual, 7);
                        String what = k.name() + " " + s[0] + "x" + s[1] + " -> " + in[0] + "x" + in[1] + " " + conv;
                        assertEquals(LetterboxParams.plan(conv.letterbox(), s[0], s[1], in[0], in[1]), p, what);
                        for (int i = 0; i < expected.length; i++) {
                            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i + 7])) {
                                assertEquals(expected[i], actual[i + 7], what + " at " + i);
                            }
                        }
                        for (int i = 0; i < 7; i++) {
                            assertEquals(Float.NaN, actual[i], what + ": wrote before the offset");
                        }
                    }
                }
            }
        }
    }

    @Test
    void viewsWithStrideAndOffsetAreRead() {
        Random rnd = new Random(5);
        BgrImage big = LinearResizeTest.random(rnd, 900, 700);
        BgrImage view = BgrImage.wrap(big.data(), big.rowStart(13) + 21 * 3, 700, 500, big.stride());
        BgrImage packed = BgrImage.wrap(view.toPackedBgr(), 700, 500, 700 * 3);
        for (Kernels k : KERNELS) {
            float[] a = new float[3 * 640 * 640];
            float[] b = new float[3 * 640 * 640];
            LetterboxTensor.eager(k).apply(view, Convention.LITE_AI_TOOLKIT.letterbox(), BlobOptions.SCRFD, 640, 640, a, 0);
            LetterboxTensor.eager(k).apply(packed, Convention.LITE_AI_TOOLKIT.letterbox(), BlobOptions.SCRFD, 640, 640, b, 0);
            assertEquals(0, Arrays.compare(a, b), k.name());
        }
    }
}
