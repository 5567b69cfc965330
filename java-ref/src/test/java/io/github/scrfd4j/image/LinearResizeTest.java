package io.github.scrfd4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.scrfd4j.testsupport.OpenCv;
import io.github.scrfd4j.testsupport.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LinearResize} against {@code cv::resize(INTER_LINEAR)} itself, bit for bit. */
class LinearResizeTest {
    private final LinearResize resize = new LinearResize();

    static BgrImage random(Random rnd, int w, int h) {
        BgrImage img = BgrImage.allocate(w, h);
        rnd.nextBytes(img.data());
        return img;
    }

    /** Smooth content too: random noise alone rarely exercises rounding ties. */
    static BgrImage gradient(int w, int h, int seed) {
        BgrImage img = BgrImage.allocate(w, h);
        byte[] d = img.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 3;
                d[p] = (byte) (x * 7 + seed);
                d[p + 1] = (byte) (y * 5 + x);
                d[p + 2] = (byte) ((x ^ y) + seed * 3);
            }
        }
        return img;
    }

    static void assertSame(BgrImage expected, BgrImage actual, String what) {
        assertEquals(expected.width(), actual.width(), what + " width");
        assertEquals(expected.height(), actual.height(), what + " height");
        byte[] e = expected.toPackedBgr();
        byte[] a = actual.toPackedBgr();
        for (int i = 0; i < e.length; i++) {
            if (e[i] != a[i]) {
                int px = i / 3;
                fail(what + ": first difference at x=" + px % expected.width() + " y=" + px / expected.width()
                        + " c=" + i % 3 + ": OpenCV " + (e[i] & 0xFF) + ", ours " + (a[i] & 0xFF));
            }
        }
    }

    @Test
    void equalsOpenCvOnRandomSizes() {
        Random rnd = new Random(20261125);
        List<int[]> sizes = new ArrayList<>();
        // edge cases first: 1-pixel sources and targets, exact halving, identity, tiny and large ratios
        sizes.add(new int[] {1, 1, 1, 1});
        sizes.add(new int[] {1, 1, 640, 640});
        sizes.add(new int[] {1, 7, 5, 3});
        sizes.add(new int[] {7, 1, 3, 9});
        sizes.add(new int[] {9, 9, 1, 1});
        sizes.add(new int[] {640, 480, 1, 1});
        sizes.add(new int[] {100, 60, 50, 30});
        sizes.add(new int[] {1500, 895, 640, 381});
        sizes.add(new int[] {810, 1080, 480, 640});
        sizes.add(new int[] {33, 17, 33, 17});
        sizes.add(new int[] {2, 2, 3, 3});
        while (sizes.size() < 260) {
            int sw = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 700);
            int sh = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 700);
            int dw = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 700);
            int dh = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 700);
            sizes.add(new int[] {sw, sh, dw, dh});
        }
        int k = 0;
        for (int[] s : sizes) {
            BgrImage src = (k++ % 2 == 0) ? random(rnd, s[0], s[1]) : gradient(s[0], s[1], k);
            BgrImage expected = OpenCv.resize(src, s[2], s[3]);
            BgrImage actual = resize.resize(src, s[2], s[3]);
            assertSame(expected, actual, s[0] + "x" + s[1] + " -> " + s[2] + "x" + s[3]);
        }
    }

    @Test
    void equalsOpenCvOnEveryPhotoAtLetterboxSizes() {
        for (Path p : SharedData.requireAllImages()) {
            BgrImage img = ImageDecoder.read(p);
            for (LetterboxStyle style : LetterboxStyle.values()) {
                for (int side : new int[] {640, 320, 160}) {
                    LetterboxParams lb = LetterboxParams.plan(style, img.width(), img.height(), side, side);
                    BgrImage expected = OpenCv.resize(img, lb.resizedWidth(), lb.resizedHeight());
                    assertSame(expected, resize.resize(img, lb.resizedWidth(), lb.resizedHeight()),
                            p.getFileName() + " " + style + " " + side);
                }
            }
        }
    }

    @Test
    void resizesIntoAViewOfALargerCanvas() {
        BgrImage src = gradient(50, 40, 3);
        BgrImage canvas = BgrImage.allocate(100, 100);
        BgrImage view = BgrImage.wrap(canvas.data(), canvas.rowStart(10) + 20 * 3, 30, 25, canvas.stride());
        resize.resizeInto(src, view);
        BgrImage expected = OpenCv.resize(src, 30, 25);
        for (int y = 0; y < 25; y++) {
            for (int x = 0; x < 30; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected.get(x, y, c), canvas.get(20 + x, 10 + y, c));
                }
            }
        }
        assertEquals(0, canvas.get(0, 0, 0));
        assertEquals(0, canvas.get(99, 99, 2));
    }
}
