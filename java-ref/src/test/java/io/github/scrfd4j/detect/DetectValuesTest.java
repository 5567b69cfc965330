package io.github.scrfd4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.nms.MaxNumSelector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Options, boxes, landmarks and face comparison, on hand-computed values. */
class DetectValuesTest {
    private static Face face(float x1, float y1, float x2, float y2, float score, float lm) {
        float[] xy = new float[10];
        for (int i = 0; i < 10; i++) {
            xy[i] = lm + i;
        }
        return new Face(new Box(x1, y1, x2, y2), score, new Landmarks(xy));
    }

    @Test
    void eachWitherChangesOneFieldOnly() {
        DetectorOptions d = DetectorOptions.DEFAULTS;
        assertEquals(new DetectorOptions(0.5f, 0.45f, 400, Convention.LITE_AI_TOOLKIT, 0, 0, 0,
                MaxNumSelector.Metric.DEFAULT), d.withScoreThreshold(0.5f));
        assertEquals(new DetectorOptions(0.3f, 0.6f, 400, Convention.LITE_AI_TOOLKIT, 0, 0, 0,
                MaxNumSelector.Metric.DEFAULT), d.withIouThreshold(0.6f));
        assertEquals(new DetectorOptions(0.3f, 0.45f, 7, Convention.LITE_AI_TOOLKIT, 0, 0, 0,
                MaxNumSelector.Metric.DEFAULT), d.withTopK(7));
        assertEquals(new DetectorOptions(0.3f, 0.45f, 400, Convention.INSIGHTFACE, 0, 0, 0,
                MaxNumSelector.Metric.DEFAULT), d.withConvention(Convention.INSIGHTFACE));
        assertEquals(new DetectorOptions(0.3f, 0.45f, 400, Convention.LITE_AI_TOOLKIT, 320, 256, 0,
                MaxNumSelector.Metric.DEFAULT), d.withInputSize(320, 256));
        assertEquals(new DetectorOptions(0.3f, 0.45f, 400, Convention.LITE_AI_TOOLKIT, 0, 0, 3,
                MaxNumSelector.Metric.MAX), d.withMaxNum(3, MaxNumSelector.Metric.MAX));
        assertEquals(0.3f, d.scoreThreshold());
        assertEquals(0.45f, d.iouThreshold());
        assertEquals(400, d.topK());
    }

    @Test
    void limitsAreInclusiveAndEverythingElseIsNamed() {
        DetectorOptions d = DetectorOptions.DEFAULTS;
        // the edges themselves are valid
        d.withScoreThreshold(0f).withScoreThreshold(1f).withIouThreshold(0f).withIouThreshold(1f).withTopK(1)
                .withMaxNum(0, MaxNumSelector.Metric.MAX).withInputSize(0, 0).withInputSize(1, 1);
        String[][] bad = {
            {"score threshold must be in [0, 1], got -0.001", "s-"}, {"score threshold must be in [0, 1], got 1.001", "s+"},
            {"score threshold must be in [0, 1], got NaN", "sn"}, {"IoU threshold must be in [0, 1], got -0.001", "i-"},
            {"IoU threshold must be in [0, 1], got 1.001", "i+"}, {"IoU threshold must be in [0, 1], got NaN", "in"},
            {"top-k must be positive, got 0", "k0"}, {"top-k must be positive, got -3", "k-"},
            {"input size must be both 0 (model default) or both positive, got 0x640", "w0"},
            {"input size must be both 0 (model default) or both positive, got 640x0", "h0"},
            {"input size must be both 0 (model default) or both positive, got -32x-32", "wn"},
            {"maxNum must be >= 0, got -1", "m-"}, {"convention and maxNumMetric must not be null", "cn"},
            {"convention and maxNumMetric must not be null", "mn"},
        };
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                switch (b[1]) {
                    case "s-" -> d.withScoreThreshold(-0.001f);
                    case "s+" -> d.withScoreThreshold(1.001f);
                    case "sn" -> d.withScoreThreshold(Float.NaN);
                    case "i-" -> d.withIouThreshold(-0.001f);
                    case "i+" -> d.withIouThreshold(1.001f);
                    case "in" -> d.withIouThreshold(Float.NaN);
                    case "k0" -> d.withTopK(0);
                    case "k-" -> d.withTopK(-3);
                    case "w0" -> d.withInputSize(0, 640);
                    case "h0" -> d.withInputSize(640, 0);
                    case "wn" -> d.withInputSize(-32, -32);
                    case "m-" -> d.withMaxNum(-1, MaxNumSelector.Metric.DEFAULT);
                    case "cn" -> d.withConvention(null);
                    default -> d.withMaxNum(1, null);
                }
            }, b[1]);
            assertEquals(b[0], e.getMessage());
        }
    }

    @Test
    void boxSizesAndIouByHand() {
        Box a = new Box(0, 0, 10, 10);
        assertEquals(10f, a.width());
        assertEquals(10f, new Box(2, 3, 12, 13).height());
        assertEquals(7f, new Box(0, 0, 4, 7).height());
        assertEquals(1.0, a.iou(a));
        // overlap 5x10 = 50; union 100 + 100 - 50 = 150
        assertEquals(50.0 / 150.0, a.iou(new Box(5, 0, 15, 10)), 1e-12);
        // overlap 5x5 = 25; union 100 + 100 - 25 = 175
        assertEquals(25.0 / 175.0, a.iou(new Box(5, 5, 15, 15)), 1e-12);
        assertEquals(0.0, a.iou(new Box(10, 0, 20, 10)), "touching edges");
        assertEquals(0.0, a.iou(new Box(0, 10, 10, 20)), "touching edges");
        assertEquals(0.0, a.iou(new Box(20, 20, 30, 30)));
        assertEquals(0.0, new Box(5, 5, 5, 5).iou(new Box(5, 5, 5, 5)), "empty boxes have no union");
        // inside: 4x4 in 10x10
        assertEquals(16.0 / 100.0, a.iou(new Box(3, 3, 7, 7)), 1e-12);
    }

    @Test
    void landmarksByHand() {
        Face f = face(0, 0, 1, 1, 0.5f, 10);
        assertEquals(10f, f.landmarks().x(0));
        assertEquals(11f, f.landmarks().y(0));
        assertEquals(18f, f.landmarks().x(4));
        assertEquals(19f, f.landmarks().y(4));
        float[] copy = f.landmarks().toArray();
        copy[0] = 99;
        assertEquals(10f, f.landmarks().x(0), "toArray is a copy");
        float[] xy = new float[10];
        Landmarks l = new Landmarks(xy);
        xy[3] = 5;
        assertEquals(0f, l.y(1), "the constructor copies");
        float[] moved = new float[10];
        moved[6] = 3;
        moved[7] = 4;
        assertEquals(5.0, l.maxDistance(new Landmarks(moved)), 1e-12, "3-4-5 on point 3");
        assertThrows(IllegalArgumentException.class, () -> new Landmarks(new float[9]));
        assertThrows(IllegalArgumentException.class, () -> new Landmarks(new float[11]));
        assertTrue(f.hasLandmarks());
        assertFalse(new Face(new Box(0, 0, 1, 1), 0.5f, null).hasLandmarks());
        assertThrows(NullPointerException.class, () -> new Face(null, 0.5f, null));
        assertEquals(new Landmarks(new float[10]), new Landmarks(new float[10]));
        assertEquals(new Landmarks(new float[10]).hashCode(), new Landmarks(new float[10]).hashCode());
        assertFalse(new Landmarks(new float[10]).equals(new Landmarks(moved)));
    }

    @Test
    void comparisonFindsEachKindOfDifferenceAtItsLimit() {
        FaceComparison c = new FaceComparison(0.9, 0.01, 0.5);
        Face e = face(0, 0, 100, 100, 0.8f, 10);
        assertEquals(Optional.empty(), c.firstDifferenceInOrder(List.of(e), List.of(e)));
        // IoU of a 100x100 box shifted by 5 px: 9500 / 10500 = 0.905 (passes), by 6: 9400/10600 = 0.887 (fails)
        assertEquals(Optional.empty(), c.firstDifferenceInOrder(List.of(e), List.of(face(5, 0, 105, 100, 0.8f, 10))));
        String iou = c.firstDifferenceInOrder(List.of(e), List.of(face(6, 0, 106, 100, 0.8f, 10))).orElseThrow();
        assertTrue(iou.startsWith("face 0: IoU 0.886"), iou);
        // score: 0.01 passes (within float rounding), 0.02 fails
        assertEquals(Optional.empty(), c.firstDifferenceInOrder(List.of(e), List.of(face(0, 0, 100, 100, 0.805f, 10))));
        String score = c.firstDifferenceInOrder(List.of(e), List.of(face(0, 0, 100, 100, 0.82f, 10))).orElseThrow();
        assertTrue(score.startsWith("face 0: score differs by 0.0199"), score);
        // landmarks moved by (d, d): 0.35 * sqrt(2) = 0.495 px passes, 0.36 * sqrt(2) = 0.509 px fails
        assertEquals(Optional.empty(), c.firstDifferenceInOrder(List.of(e), List.of(face(0, 0, 100, 100, 0.8f, 10.35f))));
        String lm = c.firstDifferenceInOrder(List.of(e), List.of(face(0, 0, 100, 100, 0.8f, 10.36f))).orElseThrow();
        assertTrue(lm.startsWith("face 0: landmarks differ by 0.509"), lm);
        String missing = c.firstDifferenceInOrder(List.of(e), List.of(new Face(e.box(), 0.8f, null))).orElseThrow();
        assertEquals("face 0: one face has landmarks, the other not", missing);
        assertEquals("face count differs: expected 1, got 0", c.firstDifferenceInOrder(List.of(e), List.of()).orElseThrow());
        assertEquals("face count differs: expected 0, got 1", c.firstDifferenceMatched(List.of(), List.of(e)).orElseThrow());
        // degenerate but identical boxes are the same face
        Face flat = face(50, 50, 40, 40, 0.5f, 0);
        assertEquals(Optional.empty(), c.firstDifferenceInOrder(List.of(flat), List.of(flat)));
    }

    @Test
    void matchedComparisonPairsByBestIouAndNamesThePair() {
        FaceComparison c = new FaceComparison(0.9, 0.01, 0.5);
        Face a = face(0, 0, 100, 100, 0.8f, 10);
        Face b = face(200, 200, 300, 300, 0.7f, 20);
        assertEquals(Optional.empty(), c.firstDifferenceMatched(List.of(a, b), List.of(b, a)));
        assertTrue(c.firstDifferenceInOrder(List.of(a, b), List.of(b, a)).isPresent(), "in order, swapped faces differ");
        Face b2 = face(200, 200, 300, 300, 0.75f, 20);
        String d = c.firstDifferenceMatched(List.of(a, b), List.of(b2, a)).orElseThrow();
        assertTrue(d.startsWith("face 1 (matched to 0): score differs by 0.05"), d);
        // each actual face is used once: two expected faces on the same spot need two actual ones
        Face a2 = face(1, 1, 101, 101, 0.8f, 10);
        String twice = c.firstDifferenceMatched(List.of(a, a2), List.of(a, b)).orElseThrow();
        assertTrue(twice.startsWith("face 1 (matched to 1): IoU 0.0"), twice);
        assertEquals(0.99999, FaceComparison.EXACT.minIou());
    }
}
