package io.github.scrfd4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-computed letterbox parameters (TOP_LEFT numbers checked with CPython's own arithmetic). */
class LetterboxTest {
    @Test
    void centeredFollowsLiteAiToolkitFormulas() {
        // r = min(640/1500f, 640/895f) = 0.42666668; 1500 * r = 640.00002 -> 640; 895 * r = 381.87 -> 381
        LetterboxParams p = LetterboxParams.plan(LetterboxStyle.CENTERED, 1500, 895, 640, 640);
        assertEquals(640f / 1500f, p.scale());
        assertEquals(640, p.resizedWidth());
        assertEquals(381, p.resizedHeight());
        assertEquals(0, p.padLeft());
        assertEquals((640 - 381) / 2, p.padTop());
        // portrait: r = 640/1080f, 810 * r = 480 -> dw = 80
        LetterboxParams q = LetterboxParams.plan(LetterboxStyle.CENTERED, 810, 1080, 640, 640);
        assertEquals(480, q.resizedWidth());
        assertEquals(640, q.resizedHeight());
        assertEquals(80, q.padLeft());
        assertEquals(0, q.padTop());
        // odd padding rounds down: 580x330 -> 640x364, dh = 276 / 2 = 138
        LetterboxParams s = LetterboxParams.plan(LetterboxStyle.CENTERED, 580, 330, 640, 640);
        assertEquals(364, s.resizedHeight());
        assertEquals(138, s.padTop());
    }

    @Test
    void topLeftFollowsInsightFaceFormulas() {
        // im_ratio = 895/1500 <= 1: new_w = 640, new_h = int(640 * 0.59667) = 381, det_scale = 381/895
        LetterboxParams p = LetterboxParams.plan(LetterboxStyle.TOP_LEFT, 1500, 895, 640, 640);
        assertEquals(640, p.resizedWidth());
        assertEquals(381, p.resizedHeight());
        assertEquals(0, p.padLeft());
        assertEquals(0, p.padTop());
        assertEquals(0.4256983f, p.scale());
        // im_ratio = 1080/810 > 1: new_h = 640, new_w = int(640 / 1.3333) = 480
        LetterboxParams q = LetterboxParams.plan(LetterboxStyle.TOP_LEFT, 810, 1080, 640, 640);
        assertEquals(480, q.resizedWidth());
        assertEquals(640, q.resizedHeight());
        assertEquals(1.1030303f, LetterboxParams.plan(LetterboxStyle.TOP_LEFT, 580, 330, 640, 640).scale());
    }

    @Test
    void canvasHoldsTheResizedImageAtTheOffsetAndZerosElsewhere() {
        BgrImage src = BgrImage.allocate(20, 10);
        java.util.Arrays.fill(src.data(), (byte) 200);
        for (LetterboxStyle style : LetterboxStyle.values()) {
            BgrImage canvas = BgrImage.allocate(32, 32);
            java.util.Arrays.fill(canvas.data(), (byte) 7); // must be overwritten: canvases are reused
            LetterboxParams p = new Letterbox().apply(src, style, canvas);
            assertEquals(32, p.resizedWidth());
            assertEquals(16, p.resizedHeight());
            int top = style == LetterboxStyle.CENTERED ? 8 : 0;
            assertEquals(top, p.padTop());
            for (int y = 0; y < 32; y++) {
                int expected = (y >= top && y < top + 16) ? 200 : 0;
                assertEquals(expected, canvas.get(5, y, 1), style + " row " + y);
            }
        }
    }

    @Test
    void degenerateSizesAreRejectedOrKeptVisible() {
        assertThrows(IllegalArgumentException.class,
                () -> LetterboxParams.plan(LetterboxStyle.CENTERED, 0, 0, 640, 640));
        LetterboxParams thin = LetterboxParams.plan(LetterboxStyle.CENTERED, 1, 20000, 640, 640);
        assertEquals(1, thin.resizedWidth(), "a thin strip keeps one column instead of vanishing");
        LetterboxParams one = LetterboxParams.plan(LetterboxStyle.CENTERED, 1, 1, 640, 640);
        assertEquals(640, one.resizedWidth());
        assertEquals(640f, one.scale());
    }
}
