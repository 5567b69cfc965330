package io.github.scrfd4j.anchors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void everyAnchorOfEveryLevelFollowsTheIndexFormula() {
        for (StridePlan plan : StridePlan.values()) {
            for (int[] size : new int[][] {{32, 32}, {640, 640}, {160, 96}, {96, 224}, {1280, 32}}) {
                AnchorGrid g = AnchorGrid.build(plan, size[0], size[1]);
                AnchorGrid cached = AnchorGrid.of(plan, size[0], size[1]);
                assertSame(cached, AnchorGrid.of(plan, size[0], size[1]));
                assertEquals(plan, g.plan());
                assertEquals(size[0], g.inputWidth());
                assertEquals(size[1], g.inputHeight());
                for (int level = 0; level < plan.levels(); level++) {
                    int s = plan.stride(level);
                    int gw = size[0] / s;
                    int gh = size[1] / s;
                    int a = plan.anchorsPerCell();
                    assertEquals(gw * gh * a, g.count(level));
                    assertEquals(gw * gh * a, plan.anchorCount(level, size[0], size[1]));
                    assertArrayEquals(g.xs(level), cached.xs(level));
                    assertArrayEquals(g.ys(level), cached.ys(level));
                    for (int i = 0; i < g.count(level); i++) {
                        assertEquals((i / a) % gw, (int) g.xs(level)[i], plan + " " + size[0] + "x" + size[1] + " level " + level + " #" + i);
                        assertEquals((i / a) / gw, (int) g.ys(level)[i], plan + " " + size[0] + "x" + size[1] + " level " + level + " #" + i);
                    }
                }
            }
        }
    }

    @Test
    void stridePlansByHand() {
        assertEquals(3, StridePlan.THREE_STRIDES.levels());
        assertEquals(5, StridePlan.FIVE_STRIDES.levels());
        assertEquals(8, StridePlan.THREE_STRIDES.stride(0));
        assertEquals(32, StridePlan.THREE_STRIDES.stride(2));
        assertEquals(128, StridePlan.FIVE_STRIDES.stride(4));
        assertEquals(2, StridePlan.THREE_STRIDES.anchorsPerCell());
        assertEquals(1, StridePlan.FIVE_STRIDES.anchorsPerCell());
        // 640x384 at stride 16: 40 x 24 cells, 2 anchors
        assertEquals(1920, StridePlan.THREE_STRIDES.anchorCount(1, 640, 384));
        assertEquals(StridePlan.THREE_STRIDES, StridePlan.forOutputCount(6));
        assertEquals(StridePlan.THREE_STRIDES, StridePlan.forOutputCount(9));
        assertEquals(StridePlan.FIVE_STRIDES, StridePlan.forOutputCount(10));
        assertEquals(StridePlan.FIVE_STRIDES, StridePlan.forOutputCount(15));
        for (int n : new int[] {0, 3, 5, 7, 8, 11, 12, 14, 16}) {
            assertEquals(null, StridePlan.forOutputCount(n), "outputs: " + n);
        }
    }

    @Test
    void inputSizeCheckNamesTheSize() {
        AnchorGrid.checkInputSize(32, 32);
        AnchorGrid.checkInputSize(64, 2048);
        for (int[] bad : new int[][] {{0, 32}, {32, 0}, {-32, 32}, {32, -32}, {33, 32}, {32, 48}, {16, 16}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AnchorGrid.checkInputSize(bad[0], bad[1]));
            assertEquals("SCRFD input size must be positive multiples of 32, got " + bad[0] + "x" + bad[1], e.getMessage());
        }
    }
}
