package io.github.scrfd4j.nms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scrfd4j.decode.Candidates;
import io.github.scrfd4j.detect.Box;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.vector.KernelsProvider;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed NMS cases; the +1 pixel convention and the two overlap rules. */
class HardNmsTest {
    private static int[] kept(float[][] boxes, boolean lite, float thr, int topK) {
        Candidates c = new Candidates();
        for (float[] b : boxes) {
            c.append(b[4], b[0], b[1], b[2], b[3], null);
        }
        HardNms nms = new HardNms(KernelsProvider.get());
        int n = nms.run(c, lite, thr, topK);
        int[] scores = new int[n];
        for (int k = 0; k < n; k++) {
            scores[k] = Math.round(c.score(nms.kept()[k]) * 100);
        }
        return scores;
    }

    @Test
    void suppressesAboveThresholdWithPlusOneSizes() {
        // A and B: inter (9-1+1)^2 = 81, areas 100 -> IoU 81/119 = 0.68
        float[][] boxes = {{1, 1, 10, 10, 0.8f}, {0, 0, 9, 9, 0.9f}, {20, 20, 29, 29, 0.7f}};
        for (boolean lite : new boolean[] {true, false}) {
            assertArrayEquals(new int[] {90, 70}, kept(boxes, lite, 0.45f, 400));
            assertArrayEquals(new int[] {90, 80, 70}, kept(boxes, lite, 0.69f, 400));
            assertArrayEquals(new int[] {90, 80, 70}, kept(boxes, lite, 81f / 119f, 400), "IoU == t is kept");
            assertArrayEquals(new int[] {90}, kept(boxes, lite, 0.45f, 1), "top-k");
        }
    }

    @Test
    void disjointBoxesDifferAtThresholdZero() {
        // gap of one pixel: lite's iou_of returns FLT_MIN (> 0, suppressed at t = 0); InsightFace's ovr is 0 (kept)
        float[][] boxes = {{0, 0, 9, 9, 0.9f}, {10, 0, 19, 9, 0.8f}};
        assertArrayEquals(new int[] {90}, kept(boxes, true, 0f, 400));
        assertArrayEquals(new int[] {90, 80}, kept(boxes, false, 0f, 400));
        // touching: inner width 9 - 9 + 1 = 1 -> IoU 10/190
        float[][] touching = {{0, 0, 9, 9, 0.9f}, {9, 0, 18, 9, 0.8f}};
        assertArrayEquals(new int[] {90}, kept(touching, true, 0.05f, 400));
        assertArrayEquals(new int[] {90, 80}, kept(touching, true, 0.053f, 400));
    }

    @Test
    void tiesKeepInsertionOrderAndNaNBoxesAreDroppedByInsightFace() {
        Candidates c = new Candidates();
        c.append(0.5f, 0, 0, 10, 10, null);
        c.append(0.5f, 100, 100, 110, 110, null);
        c.append(0.5f, 1, 1, 11, 11, null);
        HardNms nms = new HardNms(KernelsProvider.get());
        assertEquals(2, nms.run(c, true, 0.45f, 400));
        assertEquals(0f, c.x1(nms.kept()[0]));
        assertEquals(100f, c.x1(nms.kept()[1]));
        Candidates n = new Candidates();
        n.append(0.9f, 0, 0, 10, 10, null);
        n.append(0.8f, Float.NaN, 0, 10, 10, null);
        assertEquals(1, nms.run(n, false, 0.45f, 400), "NaN overlap is not <= t: suppressed, as numpy does");
    }

    @Test
    void maxNumSelectsByAreaOrCentredArea() {
        Face big = new Face(new Box(0, 0, 50, 50), 0.6f, null);
        Face centred = new Face(new Box(40, 40, 60, 60), 0.7f, null);
        Face small = new Face(new Box(90, 90, 95, 95), 0.9f, null);
        List<Face> all = List.of(small, centred, big);
        // image 100x100, centre (50, 50): values area - 2 * d^2: big 2500 - 2*1250 = 0; centred 400 - 0 = 400
        assertEquals(List.of(centred, big), MaxNumSelector.select(all, 2, MaxNumSelector.Metric.DEFAULT, 100, 100));
        assertEquals(List.of(big), MaxNumSelector.select(all, 1, MaxNumSelector.Metric.MAX, 100, 100));
        assertEquals(all, MaxNumSelector.select(all, 0, MaxNumSelector.Metric.MAX, 100, 100));
        assertEquals(3, Arrays.asList(all.toArray()).size());
    }
}
