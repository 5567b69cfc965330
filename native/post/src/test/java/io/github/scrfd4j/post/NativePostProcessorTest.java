package io.github.scrfd4j.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.anchors.StridePlan;
import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.decode.SyntheticOutputs;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.FaceComparison;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.testsupport.SharedData;
import io.github.scrfd4j.vector.KernelsProvider;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our C++ post-processing against java-ref's on the same raw outputs: same faces, same order,
 * coordinates within 1e-4 (in practice identical). Needs only a C++ compiler, so it runs everywhere.
 */
class NativePostProcessorTest {
    private static final FaceComparison WITHIN_1E4 = new FaceComparison(0.9999, 1e-6, 1e-4);

    private static void assertSameFaces(List<Face> java, List<Face> nat, String what) {
        Optional<String> d = WITHIN_1E4.firstDifferenceInOrder(java, nat);
        assertTrue(d.isEmpty(), what + ": " + d.orElse(""));
        for (int i = 0; i < java.size(); i++) {
            Face a = java.get(i);
            Face b = nat.get(i);
            float[] x = {a.box().x1(), a.box().y1(), a.box().x2(), a.box().y2()};
            float[] y = {b.box().x1(), b.box().y1(), b.box().x2(), b.box().y2()};
            for (int k = 0; k < 4; k++) {
                assertEquals(x[k], y[k], 1e-4f, what + " face " + i + " coordinate " + k);
            }
        }
    }

    @Test
    void sameFacesAsJavaOnRandomOutputs() {
        Random rnd = new Random(17);
        int nonEmpty = 0;
        try (NativePostProcessor nat = new NativePostProcessor(0.3f, 0.45f, 400)) {
            for (int k = 0; k < 300; k++) {
                int w = 32 * (1 + rnd.nextInt(8));
                int h = 32 * (1 + rnd.nextInt(8));
                StridePlan plan = k % 5 == 0 ? StridePlan.FIVE_STRIDES : StridePlan.THREE_STRIDES;
                SyntheticOutputs o = new SyntheticOutputs(plan, w, h, k % 2 == 0);
                for (int l = 0; l < plan.levels(); l++) {
                    for (int i = 0; i < o.scores[l].length; i++) {
                        int r = rnd.nextInt(50);
                        o.scores[l][i] = r == 0 ? Float.NaN : r == 1 ? 0.3f : k % 7 == 0 ? 0.9f
                                : (float) Math.pow(rnd.nextFloat(), 3);
                    }
                    for (int i = 0; i < o.boxes[l].length; i++) {
                        o.boxes[l][i] = rnd.nextFloat() * 5f - 0.5f;
                    }
                    for (int i = 0; i < o.landmarks[l].length; i++) {
                        o.landmarks[l][i] = rnd.nextFloat() * 6f - 3f;
                    }
                }
                LetterboxParams lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(),
                        1 + rnd.nextInt(1500), 1 + rnd.nextInt(1500), w, h);
                OutputLayout layout = o.layout(w, h);
                List<Face> java = new PostProcessor(Convention.LITE_AI_TOOLKIT, 0.3f, 0.45f, 400,
                        KernelsProvider.scalar()).process(o.tensors(), layout, lb);
                List<Face> c = nat.process(o.tensors(), layout, lb);
                assertSameFaces(java, c, "case " + k);
                nonEmpty += java.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(nonEmpty > 200, "cases with faces: " + nonEmpty);
    }

    @Test
    void sameFacesAsJavaOnRealOutputsOfEveryPhoto() {
        try (OrtEngine engine = new OrtEngine(SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.onnx"), 1);
             EngineSession session = engine.openSession();
             NativePostProcessor nat = new NativePostProcessor(0.3f, 0.45f, 400)) {
            List<TensorInfo> infos = new ArrayList<>();
            OutputLayout layout = OutputLayout.infer(engine.outputs(), 640, 640);
            for (String photo : SharedData.PHOTOS) {
                BgrImage img = ImageDecoder.read(SharedData.requireImage(photo));
                BgrImage canvas = BgrImage.allocate(640, 640);
                LetterboxParams lb = new Letterbox().apply(img, Convention.LITE_AI_TOOLKIT.letterbox(), canvas);
                FloatBuffer in = session.inputBuffer(640, 640);
                new Blob().write(canvas, BlobOptions.SCRFD, in, new float[3 * 640 * 640]);
                List<Tensor> out = session.run(640, 640);
                List<Face> java = new PostProcessor(Convention.LITE_AI_TOOLKIT, 0.3f, 0.45f, 400,
                        KernelsProvider.get()).process(out, layout, lb);
                List<Face> c = nat.process(out, layout, lb);
                assertSameFaces(java, c, photo);
                assertTrue(java.size() >= 2, photo);
                infos.add(out.get(0).info());
            }
        }
    }

    @Test
    void closedIsAnIllegalStateNotACrash() {
        NativePostProcessor nat = new NativePostProcessor(0.3f, 0.45f, 10);
        nat.close();
        nat.close();
        SyntheticOutputs o = new SyntheticOutputs(32, true);
        LetterboxParams lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(), 32, 32, 32, 32);
        assertThrows(IllegalStateException.class, () -> nat.process(o.tensors(), o.layout(32, 32), lb));
    }
}
