package io.github.scrfd4j.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.vector.KernelsProvider;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed decodes for both conventions, through the full post-processor. */
class BoxDecoderTest {
    /** A 64x32 image in a 32x32 input: CENTERED r = 0.5, dw = 0, dh = 8; TOP_LEFT det_scale = 16/32 = 0.5. */
    private static SyntheticOutputs oneCandidate() {
        SyntheticOutputs o = new SyntheticOutputs(32, true);
        int i = 10; // stride 8, grid 4x4x2: cell 5 -> (x, y) = (1, 1), second anchor of the pair? no: 10/2 = 5
        o.scores[0][i] = 0.9f;
        float[] d = {0.5f, 0.25f, 1f, 2f};
        System.arraycopy(d, 0, o.boxes[0], 4 * i, 4);
        float[] k = {0f, 0f, 1f, -1f, -2f, 0.5f, 3f, 3f, 0.25f, 0.75f};
        System.arraycopy(k, 0, o.landmarks[0], 10 * i, 10);
        return o;
    }

    private static Face run(SyntheticOutputs o, Convention c) {
        LetterboxParams lb = LetterboxParams.plan(c.letterbox(), 64, 32, 32, 32);
        List<Face> faces = new PostProcessor(c, 0.5f, 0.45f, 400, KernelsProvider.get())
                .process(o.tensors(), o.layout(32, 32), lb);
        assertEquals(1, faces.size());
        return faces.get(0);
    }

    @Test
    void liteAiToolkitDecodeAndClamp() {
        Face f = run(oneCandidate(), Convention.LITE_AI_TOOLKIT);
        // x1 = ((1 - 0.5) * 8 - 0) / 0.5 = 8;  y1 = ((1 - 0.25) * 8 - 8) / 0.5 = -4 -> 0
        // x2 = ((1 + 1) * 8 - 0) / 0.5 = 32;   y2 = ((1 + 2) * 8 - 8) / 0.5 = 32 (= image height, kept)
        assertEquals(8f, f.box().x1());
        assertEquals(0f, f.box().y1());
        assertEquals(32f, f.box().x2());
        assertEquals(32f, f.box().y2());
        assertEquals(0.9f, f.score());
        // landmarks ((c + k) * 8 - pad) / 0.5, clamped to [0, 64] x [0, 32]
        float[] expected = {16f, 0f, 32f, 0f, 0f, 8f, 64f, 32f, 20f, 12f};
        assertEquals(Arrays.toString(expected), Arrays.toString(f.landmarks().toArray()));
    }

    @Test
    void insightFaceDecodeWithoutClamp() {
        Face f = run(oneCandidate(), Convention.INSIGHTFACE);
        // x1 = (8 - 0.5 * 8) / 0.5 = 8; y1 = (8 - 2) / 0.5 = 12; x2 = (8 + 8) / 0.5 = 32; y2 = (8 + 16) / 0.5 = 48
        assertEquals(8f, f.box().x1());
        assertEquals(12f, f.box().y1());
        assertEquals(32f, f.box().x2());
        assertEquals(48f, f.box().y2());
        float[] expected = {16f, 16f, 32f, 0f, -16f, 24f, 64f, 64f, 20f, 28f};
        assertEquals(Arrays.toString(expected), Arrays.toString(f.landmarks().toArray()));
    }

    @Test
    void thresholdIsInclusiveAndNaNNeverPasses() {
        for (Convention c : Convention.values()) {
            SyntheticOutputs o = new SyntheticOutputs(32, false);
            o.scores[0][0] = 0.5f;   // == threshold: kept (InsightFace >=, lite !(s < t))
            o.scores[0][2] = Float.NaN;
            o.scores[1][0] = 0.49999997f;
            o.scores[2][1] = Float.POSITIVE_INFINITY;
            for (float[] b : o.boxes) {
                Arrays.fill(b, 0.1f);
            }
            LetterboxParams lb = LetterboxParams.plan(c.letterbox(), 32, 32, 32, 32);
            List<Face> faces = new PostProcessor(c, 0.5f, 0.45f, 400, KernelsProvider.get())
                    .process(o.tensors(), o.layout(32, 32), lb);
            assertEquals(2, faces.size(), c.toString());
            assertEquals(Float.POSITIVE_INFINITY, faces.get(0).score());
            assertEquals(0.5f, faces.get(1).score());
            assertNull(faces.get(0).landmarks());
        }
    }

    @Test
    void liteCapsCandidatesLikeNmsPre() {
        // 640x640: 12800 stride-8 anchors all above threshold; lite keeps 1000 after stride 8,
        // 2000 after 16 (1000 + 3200 > 2000), 4000 after 32 (2000 + 800 <= 4000: 2800)
        SyntheticOutputs o = new SyntheticOutputs(640, false);
        for (int l = 0; l < 3; l++) {
            for (int i = 0; i < o.scores[l].length; i++) {
                o.scores[l][i] = 0.5f + (i % 997) / 2000f;
            }
        }
        Candidates c = new Candidates();
        BoxDecoder d = new BoxDecoder(KernelsProvider.get());
        LetterboxParams lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(), 640, 640, 640, 640);
        d.decode(o.tensors(), o.layout(640, 640), io.github.scrfd4j.anchors.AnchorGrid.of(
                io.github.scrfd4j.anchors.StridePlan.THREE_STRIDES, 640, 640), lb, Convention.LITE_AI_TOOLKIT,
                0.3f, c);
        assertEquals(2800, c.size());
        LetterboxParams lb2 = LetterboxParams.plan(Convention.INSIGHTFACE.letterbox(), 640, 640, 640, 640);
        d.decode(o.tensors(), o.layout(640, 640), io.github.scrfd4j.anchors.AnchorGrid.of(
                io.github.scrfd4j.anchors.StridePlan.THREE_STRIDES, 640, 640), lb2, Convention.INSIGHTFACE, 0.3f, c);
        assertEquals(16800, c.size(), "InsightFace has no pre-NMS cap");
    }
}
