package io.github.scrfd4j.engine.ncnn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.FaceComparison;
import io.github.scrfd4j.engine.ConcurrentDetectCheck;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.SharedSessionCheck;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.testsupport.ReferenceCounts;
import io.github.scrfd4j.testsupport.SharedData;
import io.github.scrfd4j.verify.EngineCheck;
import io.github.scrfd4j.verify.EngineCheckReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ncnn engine against ONNX Runtime, the published count, and hostile model files. */
class NcnnEngineTest {
    static final String PARAM = "scrfd_2.5g_bnkps_shape640x640.opt.param";
    static final String BIN = "scrfd_2.5g_bnkps_shape640x640.opt.bin";
    static final String ONNX = "scrfd_2.5g_bnkps_shape640x640.onnx";
    @TempDir
    Path tmp;
    private Path param;
    private Path bin;

    static void requireNcnn() {
        Optional<String> why = NcnnRuntime.unavailableReason();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    }

    @BeforeEach
    void setUp() {
        requireNcnn();
        param = SharedData.requireModel(PARAM);
        bin = SharedData.requireModel(BIN);
    }

    private static List<Path> photos() {
        List<Path> p = new ArrayList<>();
        for (String name : SharedData.PHOTOS) {
            p.add(SharedData.requireImage(name));
        }
        return p;
    }

    @Test
    void publishedCountAndSameFacesAsOnnxRuntime() {
        FaceComparison tolerance = new FaceComparison(0.99, 0.001, 1.0);
        StringBuilder report = new StringBuilder();
        try (Detector ncnn = new Detector(new NcnnEngine(param, bin, NcnnOptions.CPU), DetectorOptions.DEFAULTS);
             Detector ort = new Detector(new OrtEngine(SharedData.requireModel(ONNX), 1), DetectorOptions.DEFAULTS)) {
            for (Path p : photos()) {
                List<Face> a = ort.detect(p);
                List<Face> b = ncnn.detect(p);
                report.append(p.getFileName()).append(": ncnn ").append(b.size()).append(", ORT ").append(a.size())
                        .append("; ");
                assertEquals(a.size(), b.size(), p.getFileName() + ": face count");
                Optional<String> d = tolerance.firstDifferenceMatched(a, b);
                assertTrue(d.isEmpty(), p.getFileName() + ": " + d.orElse(""));
            }
            assertEquals(ReferenceCounts.forConvention("LITE_AI_TOOLKIT").get("1.jpg"),
                    ncnn.detect(SharedData.requireImage("1.jpg")).size(), "lite.ai.toolkit's published ncnn count");
        }
        System.out.println("ncnn vs ORT: " + report);
    }

    @Test
    void selfCheckAgainstOnnxRuntime() {
        try (NcnnEngine ncnn = new NcnnEngine(param, bin, NcnnOptions.CPU);
             OrtEngine ort = new OrtEngine(SharedData.requireModel(ONNX), 1)) {
            EngineCheckReport r = new EngineCheck(ncnn, ort).run(photos());
            System.out.println("ncnn exact vs ORT: " + r.outputs());
            assertTrue(r.ok(), "diverges on " + r.diverging() + ": " + r.outputs());
        }
        try (NcnnEngine fast = new NcnnEngine(param, bin, NcnnOptions.CPU.withPrecision(NcnnPrecision.FAST));
             OrtEngine ort = new OrtEngine(SharedData.requireModel(ONNX), 1)) {
            EngineCheckReport r = new EngineCheck(fast, ort).run(photos());
            // ncnn's fp16 paths exist only on CPUs with fp16 (ARMv8.2): reported, not assumed
            System.out.println("ncnn fast vs ORT (" + (r.ok() ? "within" : "beyond") + " tolerance): " + r.outputs());
            assertEquals(9, r.outputs().size());
        }
    }

    @Test
    void fromMemoryGivesTheSameFaces() throws IOException {
        byte[] p = Files.readAllBytes(param);
        byte[] b = Files.readAllBytes(bin);
        try (Detector file = new Detector(new NcnnEngine(param, bin, NcnnOptions.CPU), DetectorOptions.DEFAULTS);
             Detector mem = new Detector(NcnnEngine.fromMemory(p, b, NcnnOptions.CPU), DetectorOptions.DEFAULTS)) {
            Arrays.fill(b, (byte) 0); // the engine copied the weights: the caller's buffer is free
            Path photo = SharedData.requireImage("6.jpg");
            assertEquals(file.detect(photo), mem.detect(photo));
        }
    }

    private void assertRefused(String expected, Supplier<NcnnEngine> open) {
        EngineException e = assertThrows(EngineException.class, () -> open.get().close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void hostileFilesAreClearErrorsAndHarmNothing() throws IOException {
        try (Detector good = new Detector(new NcnnEngine(param, bin, NcnnOptions.CPU), DetectorOptions.DEFAULTS)) {
            Path photo = SharedData.requireImage("1.jpg");
            List<Face> before = good.detect(photo);
            byte[] real = Files.readAllBytes(bin);
            String text = Files.readString(param, StandardCharsets.UTF_8);

            Path cut = Files.write(tmp.resolve("cut.bin"), Arrays.copyOf(real, real.length / 2));
            assertRefused("truncated", () -> new NcnnEngine(param, cut, NcnnOptions.CPU));
            Path longer = Files.write(tmp.resolve("long.bin"), Arrays.copyOf(real, real.length + 64));
            assertRefused("64 bytes more", () -> new NcnnEngine(param, longer, NcnnOptions.CPU));

            String[] lines = text.split("\n", 3);
            Path overflow = Files.writeString(tmp.resolve("overflow.param"),
                    lines[0] + "\n" + lines[1].replace(" 163", " 100") + "\n" + lines[2]);
            assertRefused("more blobs than the declared 100", () -> new NcnnEngine(overflow, bin, NcnnOptions.CPU));
            Path unknownBlob = Files.writeString(tmp.resolve("unknown.param"), text.replace(" 1 1 273 276 ", " 1 1 999 276 "));
            assertRefused("'999'", () -> new NcnnEngine(unknownBlob, bin, NcnnOptions.CPU));

            Path renamed = Files.writeString(tmp.resolve("notes.param"), "These are my notes, not a model.\n");
            assertRefused("not an ncnn text .param", () -> new NcnnEngine(renamed, bin, NcnnOptions.CPU));
            assertRefused("not found", () -> new NcnnEngine(param, tmp.resolve("missing.bin"), NcnnOptions.CPU));
            assertRefused("no input 'data'", () -> new NcnnEngine(param, bin, NcnnOptions.CPU.withInputName("data")));

            try (NcnnEngine e = new NcnnEngine(param, bin, NcnnOptions.CPU); var s = e.openSession()) {
                IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> s.inputBuffer(320, 320));
                assertTrue(x.getMessage().contains("takes 640x640, not 320x320"), x.getMessage());
                assertThrows(IllegalArgumentException.class,
                        () -> new Detector(new NcnnEngine(param, bin, NcnnOptions.CPU),
                                DetectorOptions.DEFAULTS.withInputSize(320, 320)).close());
            }
            assertEquals(before, good.detect(photo), "the detector that was open meanwhile is unharmed");
        }
    }

    @Test
    void vulkanWithoutAGpuIsRefusedUnlessFallbackIsAllowed() {
        Optional<String> why = NcnnRuntime.vulkanUnusable();
        assumeTrue(why.isPresent(), "skipped: ncnn's Vulkan runs here, there is no refusal to check");
        EngineException e = assertThrows(EngineException.class,
                () -> new NcnnEngine(param, bin, NcnnOptions.CPU.withDevice(NcnnDevice.VULKAN)));
        assertTrue(e.getMessage().contains("Vulkan") && e.getMessage().contains("--allow-fallback"), e.getMessage());
        System.out.println("ncnn Vulkan here: " + e.getMessage());
        try (NcnnEngine cpu = new NcnnEngine(param, bin, NcnnOptions.CPU.withDevice(NcnnDevice.VULKAN).withFallback(true))) {
            assertEquals(NcnnDevice.CPU, cpu.actualDevice());
        }
    }

    @Test
    void lifecycle() {
        NcnnEngine engine = new NcnnEngine(param, bin, NcnnOptions.CPU);
        NcnnEngineSession s = engine.openSession();
        engine.close();
        assertDoesNotThrow(engine::close);
        assertThrows(IllegalStateException.class, () -> s.inputBuffer(640, 640));
        assertThrows(IllegalStateException.class, () -> s.run(640, 640));
        assertThrows(IllegalStateException.class, engine::openSession);
    }

    @Test
    void oneSessionFromTwoThreadsIsRefusedNotCrashed() throws InterruptedException {
        try (NcnnEngine engine = new NcnnEngine(param, bin, NcnnOptions.CPU); var session = engine.openSession()) {
            session.inputBuffer(640, 640);
            SharedSessionCheck.twoThreadsOnOneSession(session, 640, 640);
        }
    }

    @Test
    void detectorFromThreeThreadsGivesTheSingleThreadedFaces() throws Exception {
        try (Detector d = new Detector(new NcnnEngine(param, bin, NcnnOptions.CPU), DetectorOptions.DEFAULTS)) {
            ConcurrentDetectCheck.sameFacesFromThreads(d, 3);
        }
    }
}
