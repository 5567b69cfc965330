package io.github.scrfd4j.engine.ort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.testsupport.ReferenceCounts;
import io.github.scrfd4j.testsupport.SharedData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published reference counts: lite.ai.toolkit's C++ SCRFD (4.jpg: 9, 6.jpg: 23 with ONNX Runtime)
 * and InsightFace's scrfd.py, with the 2.5g 640x640 model at score 0.3, IoU 0.45, top-k 400.
 */
class OrtDetectionTest {
    static final String MODEL = "scrfd_2.5g_bnkps_shape640x640.onnx";

    private static Map<String, Integer> counts(Convention c) {
        try (Detector d = new Detector(new OrtEngine(SharedData.requireModel(MODEL), 1),
                DetectorOptions.DEFAULTS.withConvention(c))) {
            Map<String, Integer> out = new java.util.TreeMap<>();
            for (String photo : SharedData.PHOTOS) {
                List<Face> faces = d.detect(SharedData.requireImage(photo));
                out.put(photo, faces.size());
                for (Face f : faces) {
                    assertTrue(f.hasLandmarks() && f.score() >= 0.3f, f.toString());
                }
            }
            System.out.println("ORT " + c + " face counts: " + out);
            return out;
        }
    }

    @Test
    void liteAiToolkitReferenceCounts() {
        // published with ONNX Runtime for 4.jpg and 6.jpg, with MNN, ncnn and TNN for the others:
        // our ONNX Runtime path reproduces all five
        assertEquals(ReferenceCounts.forConvention("LITE_AI_TOOLKIT"), counts(Convention.LITE_AI_TOOLKIT));
    }

    @Test
    void insightFaceReferenceCounts() {
        assertEquals(ReferenceCounts.forConvention("INSIGHTFACE"), counts(Convention.INSIGHTFACE));
    }
}
