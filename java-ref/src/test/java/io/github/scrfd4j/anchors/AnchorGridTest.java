package io.github.scrfd4j.anchors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AnchorGridTest {
    @Test
    void threeStridesTwoAnchorsRowMajor() {
        AnchorGrid g = AnchorGrid.of(StridePlan.THREE_STRIDES, 640, 640);
        assertEquals(12800, g.count(0));
        assertEquals(3200, g.count(1));
        assertEquals(800, g.count(2));
        // anchor index = ((y * W/s) + x) * 2 + k
        int i = ((3 * 80) + 5) * 2 + 1;
        assertEquals(5f, g.xs(0)[i]);
        assertEquals(3f, g.ys(0)[i]);
        assertEquals(g.xs(0)[i - 1], g.xs(0)[i], "both anchors of a cell share the centre");
        assertEquals(19f, g.xs(2)[799]);
        assertEquals(19f, g.ys(2)[799]);
    }

    @Test
    void fiveStridesOneAnchorAndNonSquareInputs() {
        AnchorGrid g = AnchorGrid.of(StridePlan.FIVE_STRIDES, 640, 384);
        assertEquals(80 * 48, g.count(0));
        assertEquals(5 * 3, g.count(4));
        assertEquals(4f, g.xs(4)[14]);
        assertEquals(2f, g.ys(4)[14]);
        assertEquals(1f, g.xs(0)[1]);
    }

    @Test
    void cachedPerSizeAndRejectsNonMultiplesOf32() {
        assertSame(AnchorGrid.of(StridePlan.THREE_STRIDES, 320, 320), AnchorGrid.of(StridePlan.THREE_STRIDES, 320, 320));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnchorGrid.of(StridePlan.THREE_STRIDES, 640, 630));
        assertEquals(true, e.getMessage().contains("multiples of 32"));
        assertThrows(IllegalArgumentException.class, () -> AnchorGrid.of(StridePlan.THREE_STRIDES, 0, 32));
    }
}
