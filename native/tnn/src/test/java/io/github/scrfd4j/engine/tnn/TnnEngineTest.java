package io.github.scrfd4j.engine.tnn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.FaceComparison;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.OpenClDevices;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.testsupport.ReferenceCounts;
import io.github.scrfd4j.testsupport.SharedData;
import io.github.scrfd4j.verify.EngineCheck;
import io.github.scrfd4j.verify.EngineCheckReport;
import io.github.scrfd4j.engine.LoadedLibraries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TNN engine against ONNX Runtime, the published count, and the numeric self-check. */
class TnnEngineTest {
    static final String PROTO = "scrfd_2.5g_bnkps_shape640x640.opt.tnnproto";
    static final String MODEL = "scrfd_2.5g_bnkps_shape640x640.opt.tnnmodel";
    @TempDir
    Path tmp;
    private Path proto;
    private Path model;

    static void requireTnn() {
        Optional<String> why = TnnRuntime.unavailableReason();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    }

    @BeforeEach
    void setUp() {
        requireTnn();
        proto = SharedData.requireModel(PROTO);
        model = SharedData.requireModel(MODEL);
    }

    private List<Path> photos() {
        List<Path> p = new ArrayList<>();
        for (String name : SharedData.PHOTOS) {
            p.add(SharedData.requireImage(name));
        }
        return p;
    }

    @Test
    void selfCheckAgainstOnnxRuntime() {
        for (TnnDevice device : new TnnDevice[] {TnnDevice.hostDefault(), TnnDevice.NAIVE}) {
            try (TnnEngine tnn = new TnnEngine(proto, model, device, 1);
                 OrtEngine ort = new OrtEngine(SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.onnx"), 1)) {
                EngineCheckReport r = new EngineCheck(tnn, ort).run(photos());
                System.out.println("TNN " + device + " vs ORT: " + r.outputs());
                assertTrue(r.ok(), device + " diverges on " + r.diverging() + ": " + r.outputs()
                        + " (a TNN built with -ffast-math for its x86 kernels fails this; see README)");
            }
        }
    }

    @Test
    void publishedCountAndSameFacesAsOnnxRuntime() {
        FaceComparison tolerance = new FaceComparison(0.99, 0.001, 1.0);
        try (Detector tnn = new Detector(new TnnEngine(proto, model, TnnDevice.hostDefault(), 1), DetectorOptions.DEFAULTS);
             Detector ort = new Detector(new OrtEngine(SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.onnx"), 1),
                     DetectorOptions.DEFAULTS)) {
            StringBuilder report = new StringBuilder();
            for (Path p : photos()) {
                List<Face> a = ort.detect(p);
                List<Face> b = tnn.detect(p);
                report.append(p.getFileName()).append(": TNN ").append(b.size()).append(", ORT ").append(a.size()).append("; ");
                Optional<String> d = tolerance.firstDifferenceMatched(a, b);
                assertTrue(d.isEmpty(), p.getFileName() + ": " + d.orElse(""));
            }
            System.out.println("TNN vs ORT: " + report);
            assertEquals(ReferenceCounts.forConvention("LITE_AI_TOOLKIT").get("9.jpg"),
                    tnn.detect(SharedData.requireImage("9.jpg")).size(), "lite.ai.toolkit's published TNN count");
        }
    }

    /**
     * Where TNN's OpenCL device cannot run, the error says why, from what this machine has: a
     * libTNN.so without OpenCL (0x9000), or OpenCL without a GPU-type device (0xA002: PoCL's CPU
     * device is such a case; clinfo tells). The engine and the JVM go on working afterwards.
     */
    @Test
    void openClRefusalNamesTheCause() throws IOException {
        TnnEngine cl;
        try {
            cl = new TnnEngine(proto, model, TnnDevice.OPENCL, 1);
        } catch (EngineException e) {
            String m = e.getMessage();
            System.out.println("TNN OPENCL here (clinfo device types " + OpenClDevices.types().orElse(null) + "): " + m);
            assertTrue(m.contains("OPENCL") && m.contains("code "), m);
            Path lib = Path.of(LoadedLibraries.find("libTNN.so").orElseThrow().replace(" (deleted)", ""));
            boolean builtWithOpenCl = new String(Files.readAllBytes(lib), StandardCharsets.ISO_8859_1)
                    .contains("OpenCL Device not found!");
            if (!builtWithOpenCl) {
                assertTrue(m.contains("(0x9000)") && m.contains("TNN_OPENCL_ENABLE=ON"), lib + " has no OpenCL: " + m);
            } else if (!OpenClDevices.unversionedLoaderPresent()) {
                assertTrue(m.contains("(0x9001)") && m.contains("ocl-icd-opencl-dev"), "no libOpenCL.so: " + m);
            } else if (OpenClDevices.knownToHaveNoGpu()) {
                assertTrue(m.contains("(0xa002)") && m.contains("GPU-type") && m.contains("PoCL"),
                        "OpenCL without a GPU-type device: " + m);
            } else if (OpenClDevices.knownToHaveGpu()) {
                fail("clinfo lists a GPU-type OpenCL device " + OpenClDevices.types().orElse(null)
                        + " and " + lib + " has OpenCL, yet TNN refused it: " + m);
            } else {
                assumeTrue(false, "skipped: clinfo is not available, so the cause cannot be checked: " + m);
            }
            try (Detector cpu = new Detector(new TnnEngine(proto, model, TnnDevice.hostDefault(), 1), DetectorOptions.DEFAULTS)) {
                assertEquals(ReferenceCounts.forConvention("LITE_AI_TOOLKIT").get("9.jpg"),
                        cpu.detect(SharedData.requireImage("9.jpg")).size(), "the CPU device after the refusal");
            }
            return;
        }
        cl.close();
        assumeTrue(false, "skipped: TNN's OpenCL device runs here, there is no refusal to check");
    }

    @Test
    void openClOnAGpuGivesTheOnnxRuntimeFaces() {
        TnnEngine cl;
        try {
            cl = new TnnEngine(proto, model, TnnDevice.OPENCL, 1);
        } catch (EngineException e) {
            assumeTrue(false, "skipped: TNN's OpenCL device is not usable here (" + e.getMessage() + ")");
            return;
        }
        try (Detector g = new Detector(cl, DetectorOptions.DEFAULTS);
             Detector ort = new Detector(new OrtEngine(SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.onnx"), 1),
                     DetectorOptions.DEFAULTS)) {
            for (Path p : photos()) {
                Optional<String> d = new FaceComparison(0.95, 0.01, 2.0).firstDifferenceMatched(ort.detect(p), g.detect(p));
                assertTrue(d.isEmpty(), p.getFileName() + " TNN OpenCL vs ONNX Runtime: " + d.orElse(""));
            }
        }
    }

    @Test
    void badModelsAndLifecycle() throws IOException {
        Path text = Files.writeString(tmp.resolve("x.tnnproto"), "not a proto\n");
        assertThrows(EngineException.class, () -> new TnnEngine(text, model, TnnDevice.hostDefault(), 1));
        byte[] real = Files.readAllBytes(model);
        Path cut = Files.write(tmp.resolve("cut.tnnmodel"), Arrays.copyOf(real, real.length / 2));
        assertThrows(EngineException.class, () -> {
            try (TnnEngine e = new TnnEngine(proto, cut, TnnDevice.hostDefault(), 1);
                 Detector d = new Detector(e, DetectorOptions.DEFAULTS)) {
                d.detect(SharedData.requireImage("6.jpg"));
            }
        });
        assertThrows(EngineException.class, () -> new TnnEngine(proto, tmp.resolve("none.tnnmodel"),
                TnnDevice.hostDefault(), 1));
        EngineException cl = assertThrows(EngineException.class,
                () -> new TnnEngine(proto, model, TnnDevice.OPENCL, 1));
        assertTrue(cl.getMessage().contains("OPENCL"), cl.getMessage());

        TnnEngine engine = new TnnEngine(proto, model, TnnDevice.hostDefault(), 1);
        TnnEngineSession s = engine.openSession();
        engine.close();
        assertDoesNotThrow(engine::close);
        assertThrows(IllegalStateException.class, () -> s.inputBuffer(640, 640));
        assertThrows(IllegalStateException.class, engine::openSession);
    }

    @Test
    void oneSessionFromTwoThreadsIsRefusedNotCrashed() throws InterruptedException {
        try (var engine = new TnnEngine(proto, model, TnnDevice.hostDefault(), 1); var session = engine.openSession()) {
            session.inputBuffer(640, 640);
            io.github.scrfd4j.engine.SharedSessionCheck.twoThreadsOnOneSession(session, 640, 640);
        }
    }

    @Test
    void detectorFromThreeThreadsGivesTheSingleThreadedFaces() throws Exception {
        try (Detector d = new Detector(new TnnEngine(proto, model, TnnDevice.hostDefault(), 1), DetectorOptions.DEFAULTS)) {
            io.github.scrfd4j.engine.ConcurrentDetectCheck.sameFacesFromThreads(d, 3);
        }
    }
}
