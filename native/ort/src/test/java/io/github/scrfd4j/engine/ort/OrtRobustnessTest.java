package io.github.scrfd4j.engine.ort;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.decode.OutputLayoutException;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecodeException;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear exception naming the problem; the JVM and the detector live on. */
class OrtRobustnessTest {
    @TempDir
    Path tmp;
    private Path model;

    @BeforeEach
    void model() {
        model = SharedData.requireModel(OrtDetectionTest.MODEL);
    }

    @Test
    void badImagesAreClearErrorsAndTheDetectorKeepsWorking() throws IOException {
        try (Detector d = new Detector(new OrtEngine(model, 1), DetectorOptions.DEFAULTS)) {
            Path missing = tmp.resolve("missing.jpg");
            assertTrue(assertThrows(ImageDecodeException.class, () -> d.detect(missing)).getMessage()
                    .contains("not found"));
            Path text = Files.writeString(tmp.resolve("text.jpg"), "hello");
            assertThrows(ImageDecodeException.class, () -> d.detect(text));
            byte[] jpeg = Files.readAllBytes(SharedData.requireImage("6.jpg"));
            Path cut = Files.write(tmp.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
            assertTrue(assertThrows(ImageDecodeException.class, () -> d.detect(cut)).getMessage()
                    .contains("cut.jpg"));
            assertThrows(IllegalArgumentException.class, () -> d.detectBgr(new byte[0], 0, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> d.detectBgr(new byte[5], 2, 2, 6));
            List<Face> tiny = d.detect(BgrImage.allocate(1, 1));
            assertEquals(0, tiny.size(), "a black pixel has no face");
            assertEquals(23, d.detect(SharedData.requireImage("6.jpg")).size(), "still works after the errors");
        }
    }

    @Test
    void callerBuffersAreReadNotChanged() throws IOException {
        BgrImage img = io.github.scrfd4j.image.ImageDecoder.read(SharedData.requireImage("6.jpg"));
        byte[] bgr = img.toPackedBgr();
        byte[] before = bgr.clone();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        byte[] rgbBefore = rgb.clone();
        try (Detector d = new Detector(new OrtEngine(model, 1), DetectorOptions.DEFAULTS)) {
            List<Face> a = d.detectBgr(bgr, img.width(), img.height(), img.width() * 3);
            List<Face> b = d.detectRgb(rgb, img.width(), img.height(), img.width() * 3);
            assertEquals(a, b);
            assertEquals(23, a.size());
        }
        assertTrue(Arrays.equals(before, bgr) && Arrays.equals(rgbBefore, rgb), "caller's data changed");
    }

    @Test
    void badModelsAreClearErrors() throws IOException {
        Path text = Files.writeString(tmp.resolve("readme.onnx"), "not a model\n");
        EngineException e = assertThrows(EngineException.class, () -> new OrtEngine(text, 1));
        assertTrue(e.getMessage().contains("readme.onnx"), e.getMessage());
        assertTrue(assertThrows(EngineException.class, () -> new OrtEngine(tmp.resolve("none.onnx"), 1))
                .getMessage().contains("not found"));
        byte[] real = Files.readAllBytes(model);
        Path cut = Files.write(tmp.resolve("cut.onnx"), Arrays.copyOf(real, real.length / 3));
        assertThrows(EngineException.class, () -> new OrtEngine(cut, 1));

        // valid ONNX, not an SCRFD: one output, then nine outputs of the wrong rank
        Path one = Files.write(tmp.resolve("identity1.onnx"), TinyOnnx.identityModel(64, 1));
        OrtEngine notScrfd = new OrtEngine(one, 1);
        OutputLayoutException l1 = assertThrows(OutputLayoutException.class,
                () -> new Detector(notScrfd, DetectorOptions.DEFAULTS));
        assertTrue(l1.getMessage().contains("found 1") && l1.getMessage().contains("out0"), l1.getMessage());
        assertThrows(IllegalStateException.class, notScrfd::openSession, "a refused engine is closed, not leaked");
        Path nine = Files.write(tmp.resolve("identity9.onnx"), TinyOnnx.identityModel(64, 9));
        OutputLayoutException l9 = assertThrows(OutputLayoutException.class,
                () -> new Detector(new OrtEngine(nine, 1), DetectorOptions.DEFAULTS));
        assertTrue(l9.getMessage().contains("out0[1, 3, 64, 64]"), l9.getMessage());
    }

    @Test
    void lifecycleUseAfterCloseAndDoubleClose() {
        Detector d = new Detector(new OrtEngine(model, 1), DetectorOptions.DEFAULTS);
        assertEquals(23, d.detect(SharedData.requireImage("6.jpg")).size());
        d.close();
        assertDoesNotThrow(d::close);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.detect(SharedData.requireImage("6.jpg")));
        assertTrue(e.getMessage().contains("closed"));
        OrtEngine engine = new OrtEngine(model, 1);
        engine.close();
        assertThrows(IllegalStateException.class, engine::openSession);
        assertDoesNotThrow(engine::close);
    }

    @Test
    void fixedModelsRejectOtherSizesAndDynamicOnesRejectNonMultiplesOf32() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Detector(new OrtEngine(model, 1), DetectorOptions.DEFAULTS.withInputSize(320, 320)))
                .getMessage().contains("fixed at 640x640"));
        Path dynamic = SharedData.requireModel("scrfd_500m.onnx");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Detector(new OrtEngine(dynamic, 1), DetectorOptions.DEFAULTS.withInputSize(300, 300)))
                .getMessage().contains("multiples of 32"));
    }
}
