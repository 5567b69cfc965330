package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.testsupport.ReferenceCounts;
import io.github.scrfd4j.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure-Java network through the CLI: {@code detect --engine java} finds the published ONNX Runtime
 * counts on every photo; {@code verify-engine} compares it with ONNX Runtime, and ONNX Runtime with it;
 * a corrupt model is one clear line, exit 3.
 */
class CliJavaEngineTest {
    private static String model() {
        return SharedData.requireModel(CliDetectTest.MODEL).toString();
    }

    @Test
    void detectFindsTheReferenceCountsOnEveryPhoto() {
        Path images = SharedData.requireRoot().resolve("testdata/images");
        CliRunner.Result r = CliRunner.run("detect", images.toString(), "--engine", "java", "--model", model());
        assertEquals(0, r.exit(), r::toString);
        Map<String, Integer> expected = ReferenceCounts.forConvention("LITE_AI_TOOLKIT");
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue().intValue(), r.faces(e.getKey()), e.getKey() + ": " + r);
        }
        assertTrue(r.out().contains("java network ("), r::toString);
    }

    @Test
    void verifyEngineComparesTheJavaNetworkWithOnnxRuntimeAndBack() {
        String images = SharedData.requireRoot().resolve("testdata/images").toString();
        CliRunner.Result java = CliRunner.run("verify-engine", "--engine", "java", "--model", model(), "--images", images);
        assertEquals(0, java.exit(), java::toString);
        assertTrue(java.out().contains("engine:    java network") && java.out().contains("reference: onnxruntime"),
                java::toString);
        assertTrue(java.out().contains("OK: every output within tolerance on 8 inputs"), java::toString);
        // ONNX Runtime checked: the Java network is the reference by default
        CliRunner.Result ort = CliRunner.run("verify-engine", "--engine", "ort", "--model", model());
        assertEquals(0, ort.exit(), ort::toString);
        assertTrue(ort.out().contains("engine:    onnxruntime") && ort.out().contains("reference: java network"),
                ort::toString);
        // and an explicit reference engine
        CliRunner.Result explicit = CliRunner.run("verify-engine", "--engine", "java", "--reference", "ort",
                "--model", model(), "--images", images);
        assertEquals(0, explicit.exit(), explicit::toString);
        assertTrue(explicit.out().contains("reference: onnxruntime"), explicit::toString);
    }

    @Test
    void aCorruptModelIsOneClearLine(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.requireModel(CliDetectTest.MODEL));
        Path cut = dir.resolve("cut.onnx");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        CliRunner.Result r = CliRunner.run("detect", SharedData.requireImage("6.jpg").toString(), "--engine", "java",
                "--model", cut.toString());
        assertEquals(3, r.exit(), r::toString);
        String err = r.err().replaceAll("(?m)^WARNING: Using incubator modules.*\\R?", "");
        assertEquals(1, err.lines().count(), r::toString);
        assertTrue(err.startsWith("error: ") && err.contains("cut.onnx") && err.contains("Java network"), r::toString);
    }
}
