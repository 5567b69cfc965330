package io.github.scrfd4j.engine.mnn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.FaceComparison;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.OpenClDevices;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.testsupport.ReferenceCounts;
import io.github.scrfd4j.testsupport.SharedData;
import io.github.scrfd4j.vector.KernelsProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MNN engine against ONNX Runtime and the published counts; skipped where MNN is not installed. */
class MnnEngineTest {
    static final String MNN_MODEL = "scrfd_2.5g_bnkps_shape640x640.mnn";
    static final String ONNX_MODEL = "scrfd_2.5g_bnkps_shape640x640.onnx";
    @TempDir
    Path tmp;
    private Path model;

    static void requireMnn() {
        Optional<String> why = MnnRuntime.unavailableReason();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    }

    @BeforeEach
    void setUp() {
        requireMnn();
        model = SharedData.requireModel(MNN_MODEL);
    }

    @Test
    void publishedCountAndSameFacesAsOnnxRuntime() {
        Map<String, Integer> published = ReferenceCounts.forConvention("LITE_AI_TOOLKIT");
        FaceComparison tolerance = new FaceComparison(0.99, 0.01, 1.0);
        StringBuilder report = new StringBuilder();
        try (Detector mnn = new Detector(new MnnEngine(model, MnnOptions.CPU), DetectorOptions.DEFAULTS);
             Detector ort = new Detector(new OrtEngine(SharedData.requireModel(ONNX_MODEL), 1),
                     DetectorOptions.DEFAULTS)) {
            for (String photo : SharedData.PHOTOS) {
                Path p = SharedData.requireImage(photo);
                List<Face> a = ort.detect(p);
                List<Face> b = mnn.detect(p);
                report.append(photo).append(": MNN ").append(b.size()).append(", ORT ").append(a.size()).append("; ");
                Optional<String> d = tolerance.firstDifferenceMatched(a, b);
                assertTrue(d.isEmpty(), photo + ": " + d.orElse(""));
            }
            assertEquals(published.get("12.jpg"), mnn.detect(SharedData.requireImage("12.jpg")).size(),
                    "the count lite.ai.toolkit published for 12.jpg with MNN");
        }
        System.out.println("MNN vs ORT: " + report);
    }

    @Test
    void nativeImageProcessInputIsCloseToJavaLetterboxAndBlob() {
        try (MnnEngine engine = new MnnEngine(model, MnnOptions.CPU);
             Detector java = new Detector(new MnnEngine(model, MnnOptions.CPU), DetectorOptions.DEFAULTS);
             MnnEngineSession session = engine.openSession()) {
            OutputLayout layout = OutputLayout.infer(engine.outputs(), 640, 640);
            PostProcessor post = new PostProcessor(Convention.LITE_AI_TOOLKIT, 0.3f, 0.45f, 400, KernelsProvider.get());
            for (String photo : SharedData.PHOTOS) {
                BgrImage img = ImageDecoder.read(SharedData.requireImage(photo));
                LetterboxParams lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(), img.width(),
                        img.height(), 640, 640);
                List<Tensor> out = session.runFromBgr(img, lb);
                List<Face> nativeInput = post.process(out, layout, lb);
                List<Face> javaInput = java.detect(img);
                // different resampling: the same people, boxes within a pixel or two
                int matched = 0;
                for (Face f : javaInput) {
                    double best = nativeInput.stream().mapToDouble(g -> g.box().iou(f.box())).max().orElse(0);
                    matched += best >= 0.8 ? 1 : 0;
                }
                assertTrue(matched >= javaInput.size() - 1 && Math.abs(nativeInput.size() - javaInput.size()) <= 1,
                        photo + ": Java input " + javaInput.size() + " faces, ImageProcess input "
                                + nativeInput.size() + ", matched " + matched);
            }
        }
    }

    /** Where MNN's OpenCL backend cannot run, the engine says so instead of silently using the CPU. */
    @Test
    void openClRefusalIsExplained() {
        MnnEngine gpu;
        try {
            gpu = new MnnEngine(model, MnnOptions.CPU.withDevice(MnnDevice.OPENCL));
        } catch (EngineException e) {
            System.out.println("MNN OPENCL here (clinfo device types " + OpenClDevices.types().orElse(null) + "): "
                    + e.getMessage());
            assertTrue(e.getMessage().contains("OPENCL") && e.getMessage().contains("GPU-type"), e.getMessage());
            // with fallback allowed it runs, on the CPU, and says which device it really got
            try (MnnEngine fallback = new MnnEngine(model, MnnOptions.CPU.withDevice(MnnDevice.OPENCL).withFallback(true))) {
                assertEquals(MnnDevice.CPU, fallback.actualDevice());
            }
            return;
        }
        gpu.close();
        assertFalse(OpenClDevices.knownToHaveNoGpu(), "clinfo lists no GPU-type OpenCL device "
                + OpenClDevices.types().orElse(null) + ", yet an MNN OpenCL session was accepted");
        assumeTrue(false, "skipped: MNN's OpenCL backend runs here, there is no refusal to check");
    }

    @Test
    void openClOnAGpuGivesTheCpuFaces() {
        MnnEngine gpu;
        try {
            gpu = new MnnEngine(model, MnnOptions.CPU.withDevice(MnnDevice.OPENCL));
        } catch (EngineException e) {
            assumeTrue(false, "skipped: no GPU-type OpenCL device here (" + e.getMessage() + ")");
            return;
        }
        try (Detector g = new Detector(gpu, DetectorOptions.DEFAULTS);
             Detector c = new Detector(new MnnEngine(model, MnnOptions.CPU), DetectorOptions.DEFAULTS)) {
            for (String photo : SharedData.PHOTOS) {
                Path p = SharedData.requireImage(photo);
                Optional<String> d = new FaceComparison(0.95, 0.01, 2.0).firstDifferenceMatched(c.detect(p), g.detect(p));
                assertTrue(d.isEmpty(), photo + " OpenCL vs CPU: " + d.orElse(""));
            }
        }
    }

    @Test
    void badModelsAndLifecycle() throws IOException {
        Path text = Files.writeString(tmp.resolve("readme.mnn"), "not a model\n");
        assertTrue(assertThrows(EngineException.class, () -> new MnnEngine(text, MnnOptions.CPU)).getMessage()
                .contains("readme.mnn"));
        byte[] real = Files.readAllBytes(model);
        Path cut = Files.write(tmp.resolve("cut.mnn"), Arrays.copyOf(real, real.length / 2));
        assertThrows(EngineException.class, () -> new MnnEngine(cut, MnnOptions.CPU));
        assertThrows(EngineException.class, () -> new MnnEngine(tmp.resolve("missing.mnn"), MnnOptions.CPU));

        MnnEngine engine = new MnnEngine(model, MnnOptions.CPU);
        MnnEngineSession s = engine.openSession();
        engine.close();
        assertDoesNotThrow(engine::close);
        assertThrows(IllegalStateException.class, () -> s.inputBuffer(640, 640));
        assertThrows(IllegalStateException.class, engine::openSession);
        assertDoesNotThrow(s::close);

        Detector d = new Detector(new MnnEngine(model, MnnOptions.CPU), DetectorOptions.DEFAULTS);
        d.close();
        assertThrows(IllegalStateException.class, () -> d.detect(SharedData.requireImage("6.jpg")));
    }

    @Test
    void oneSessionFromTwoThreadsIsRefusedNotCrashed() throws InterruptedException {
        try (var engine = new MnnEngine(model, MnnOptions.CPU); var session = engine.openSession()) {
            session.inputBuffer(640, 640);
            io.github.scrfd4j.engine.SharedSessionCheck.twoThreadsOnOneSession(session, 640, 640);
        }
    }

    @Test
    void detectorFromThreeThreadsGivesTheSingleThreadedFaces() throws Exception {
        try (Detector d = new Detector(new MnnEngine(model, MnnOptions.CPU), DetectorOptions.DEFAULTS)) {
            io.github.scrfd4j.engine.ConcurrentDetectCheck.sameFacesFromThreads(d, 3);
        }
    }
}
