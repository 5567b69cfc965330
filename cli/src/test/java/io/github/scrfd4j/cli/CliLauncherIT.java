package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The real {@code ./scrfd4j} launcher over the packaged jar (failsafe, after {@code package}):
 * standard output carries only the CLI's output for every engine, however much the native runtime
 * prints, and {@code engines} lists what the class path offers.
 */
class CliLauncherIT {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        Path launcher = Paths.get(System.getProperty("scrfd.launcher", "../scrfd4j"));
        assertTrue(Files.isExecutable(launcher), "launcher not found: " + launcher);
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "launcher did not finish in 5 minutes: " + cmd);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ort, scrfd_2.5g_bnkps_shape640x640.onnx", "mnn, scrfd_2.5g_bnkps_shape640x640.mnn",
        "tnn, scrfd_2.5g_bnkps_shape640x640.opt.tnnproto", "ncnn, scrfd_2.5g_bnkps_shape640x640.opt.param"})
    @SuppressWarnings("unchecked")
    void jsonOnStandardOutputParsesForEveryEngine(String engine, String modelFile) throws Exception {
        EngineAvailability a = EngineProviders.load().byName(engine).orElseThrow().availability();
        assumeTrue(a.usable(), () -> "skipped: " + a.detail());
        Path model = SharedData.requireModel(modelFile);
        Path photo = SharedData.requireImage("6.jpg");
        Run r = launch("detect", photo.toString(), "--model", model.toString(), "--engine", engine, "--json", "-");
        assertEquals(0, r.exit(), r::toString);
        Map<String, Object> doc = (Map<String, Object>) io.github.scrfd4j.conformance.Json.parse(r.out());
        List<Map<String, Object>> images = (List<Map<String, Object>>) doc.get("images");
        assertEquals(1, images.size(), r::toString);
        assertEquals(23, ((List<?>) images.get(0).get("faces")).size(), "the published 6.jpg count\n" + r);
        assertTrue(r.err().contains("6.jpg: 23 faces"), "per-image lines go to stderr with --json -\n" + r);
        System.out.println(engine + ": stdout " + r.out().length() + " chars of JSON; stderr:\n" + r.err());
    }

    @Test
    void mnnPrintsToStderrOnly() throws Exception {
        EngineAvailability a = EngineProviders.load().byName("mnn").orElseThrow().availability();
        assumeTrue(a.usable(), () -> "skipped: " + a.detail());
        Run r = launch("detect", SharedData.requireImage("12.jpg").toString(), "--model",
                SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.mnn").toString(), "--json", "-");
        assertEquals(0, r.exit(), r::toString);
        // MNN's own line when it creates a CPU session: it must not be on stdout
        assertTrue(r.err().contains("The device supports"), r::toString);
        assertFalse(r.out().contains("The device supports"), r::toString);
    }

    @Test
    void autoPicksTheEngineFromTheModelFile() throws Exception {
        Path photo = SharedData.requireImage("12.jpg");
        Run ort = launch("detect", photo.toString(), "--model",
                SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.onnx").toString());
        assertEquals(0, ort.exit(), ort::toString);
        assertTrue(ort.out().contains("onnxruntime"), ort::toString);
        Run mnn = launch("detect", photo.toString(), "--model",
                SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.mnn").toString());
        EngineAvailability a = EngineProviders.load().byName("mnn").orElseThrow().availability();
        if (a.usable()) {
            assertEquals(0, mnn.exit(), mnn::toString);
            assertTrue(mnn.out().contains("12.jpg: 5 faces") && mnn.out().contains("MNN "), mnn::toString);
        } else {
            assertEquals(3, mnn.exit(), mnn::toString);
            assertTrue(mnn.err().contains("MNN engine unavailable"), mnn::toString);
            assertEquals(1, mnn.err().lines().filter(l -> l.startsWith("error:")).count(), mnn::toString);
        }
    }

    @Test
    void enginesListsEveryEngineWithItsState() throws Exception {
        Run r = launch("engines");
        assertEquals(0, r.exit(), r::toString);
        EngineProviders providers = EngineProviders.load();
        for (String name : List.of("java", "mnn", "ncnn", "ort", "tnn")) {
            EngineAvailability a = providers.byName(name).orElseThrow().availability();
            String row = r.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("");
            assertTrue(row.contains(a.usable() ? " yes " : " no "), name + " row: " + row + "\n" + r);
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("java\\s+Java network\\s+\\S+\\s+onnx\\s+cpu\\s+yes\\s+pure Java.*")),
                r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("ort\\s+ONNX Runtime\\s+1\\.\\d+\\.\\d+\\s+onnx\\s+cpu\\s+yes\\s+.*libonnxruntime\\.so.*")),
                r::toString);
    }
}
