package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad images, bad models and bad options: the right exit code and message, never a crash. */
class CliErrorsTest {
    private static String model() {
        return SharedData.requireModel(CliDetectTest.MODEL).toString();
    }

    private static String image(String name) {
        return SharedData.requireImage(name).toString();
    }

    private static void assertNoStackTrace(CliRunner.Result r) {
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), r::toString);
    }

    @Test
    void badImagesAreReportedAndTheGoodOneStillProcessed(@TempDir Path tmp) throws IOException {
        Path missing = tmp.resolve("missing.jpg");
        Path text = tmp.resolve("x.jpg");
        Files.writeString(text, "this is not an image\n");
        byte[] jpeg = Files.readAllBytes(Path.of(image("6.jpg")));
        Path truncated = tmp.resolve("truncated.jpg");
        Files.write(truncated, Arrays.copyOf(jpeg, jpeg.length / 2));

        CliRunner.Result r = CliRunner.run("detect", missing.toString(), text.toString(), truncated.toString(),
                image("6.jpg"), "--model", model());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(23, r.faces("6.jpg"), r::toString);
        List<String> errors = r.errorLines();
        assertEquals(3, errors.size(), r::toString);
        assertTrue(errors.get(0).startsWith(missing + ": error: ") && errors.get(0).contains("not found"),
                errors::toString);
        assertTrue(errors.get(1).startsWith(text + ": error: ") && errors.get(1).contains("unrecognised image format"),
                errors::toString);
        assertTrue(errors.get(2).startsWith(truncated + ": error: ") && errors.get(2).contains("truncated"),
                errors::toString);
        assertTrue(r.outLines().get(4).startsWith("4 images, 23 faces, 3 failed"), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void emptyDirectoryIsAnErrorLine(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run("detect", tmp.toString(), image("6.jpg"), "--model", model());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(1, r.errorLines().size(), r::toString);
        assertTrue(r.errorLines().get(0).contains("no .jpg"), r::toString);
        assertEquals(23, r.faces("6.jpg"));
    }

    @Test
    void textFileAsOnnxModelExitsThree(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.onnx");
        Files.writeString(bad, "not a model\n");
        CliRunner.Result r = CliRunner.run("detect", image("6.jpg"), "--model", bad.toString());
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains(bad.toString())
                && r.err().contains("not an ONNX model"), r::toString);
        assertTrue(r.errorLines().isEmpty() && r.out().isEmpty(), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void verbosePrintsTheStackTrace(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.onnx");
        Files.writeString(bad, "not a model\n");
        CliRunner.Result r = CliRunner.run("detect", image("6.jpg"), "--model", bad.toString(), "--verbose");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains("\tat "), r::toString);
    }

    @Test
    void unknownModelNameWithoutDownloadListsKnownNames() {
        CliRunner.Result r = CliRunner.run("detect", "nowhere.jpg", "--model", "scrfd_huge", "--no-download");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains("scrfd_huge")
                && r.err().contains("scrfd_2.5g_bnkps_shape640x640") && r.err().contains("scrfd_500m"), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void knownModelAbsentWithoutDownloadExitsThree(@TempDir Path tmp) {
        // An empty --models-dir; the user's cache may hold the model, so ask for a rarely cached one.
        CliRunner.Result r = CliRunner.run("detect", "nowhere.jpg", "--model", "scrfd_1g", "--models-dir",
                tmp.toString(), "--no-download");
        if (r.exit() == 3) {
            assertTrue(r.err().startsWith("error: ") && r.err().contains("downloading is disabled"), r::toString);
        } else {
            // Present in the cache: the run gets past the model and fails on the missing image.
            assertEquals(1, r.exit(), r::toString);
        }
    }

    @Test
    void malformedScoreIsAUsageError() {
        CliRunner.Result r = CliRunner.run("detect", "a.jpg", "--score", "abc");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--score") && r.err().contains("abc"), r::toString);
    }

    @Test
    void outOfRangeThresholdsAreUsageErrors() {
        assertEquals(2, CliRunner.run("detect", "a.jpg", "--score", "1.5").exit());
        assertEquals(2, CliRunner.run("detect", "a.jpg", "--iou", "-0.1").exit());
        assertEquals(2, CliRunner.run("detect", "a.jpg", "--topk", "0").exit());
        assertEquals(2, CliRunner.run("detect", "a.jpg", "--threads", "-1").exit());
    }

    @Test
    void sizeNotMultipleOf32IsAUsageError() {
        CliRunner.Result r = CliRunner.run("detect", "a.jpg", "--size", "10x10");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("multiples of 32"), r::toString);
        assertEquals(2, CliRunner.run("detect", "a.jpg", "--size", "640").exit());
    }

    @Test
    void sizeDifferentFromAFixedModelIsAUsageError() {
        CliRunner.Result r = CliRunner.run("detect", image("6.jpg"), "--model", model(), "--size", "320x320");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("fixed input of 640x640"), r::toString);
    }

    @Test
    void unknownEngineListsTheValidOnes() {
        CliRunner.Result r = CliRunner.run("detect", "a.jpg", "--engine", "tensorflow");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--engine") && r.err().contains("java, mnn, ncnn, ort, tnn, or auto")
                && r.err().contains("tensorflow"), r::toString);
    }

    @Test
    void unknownConventionAndMissingArgumentsAreUsageErrors() {
        CliRunner.Result r = CliRunner.run("detect", "a.jpg", "--convention", "opencv");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("lite, insightface"), r::toString);
        assertEquals(2, CliRunner.run("detect").exit());
        assertEquals(2, CliRunner.run("detect", "a.jpg", "--bogus").exit());
        assertEquals(2, CliRunner.run().exit());
    }

    @Test
    void devicesAreCheckedPerEngine() {
        CliRunner.Result r = CliRunner.run("detect", "x.jpg", "--engine", "ort", "--device", "opencl");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--device") && r.err().contains("valid: cpu"), r::toString);
        CliRunner.Result m = CliRunner.run("detect", "x.jpg", "--engine", "mnn", "--device", "tpu");
        assertEquals(2, m.exit(), m::toString);
        assertTrue(m.err().contains("cpu, opencl, vulkan, metal"), m::toString);
    }

    @Test
    void mnnEngineRunsOrSaysWhyNot() {
        java.nio.file.Path model = io.github.scrfd4j.testsupport.SharedData.requireModel(
                "scrfd_2.5g_bnkps_shape640x640.mnn");
        java.nio.file.Path photo = io.github.scrfd4j.testsupport.SharedData.requireImage("12.jpg");
        CliRunner.Result r = CliRunner.run("detect", photo.toString(), "--model", model.toString(), "--engine", "mnn");
        if (!io.github.scrfd4j.engine.EngineProviders.load().byName("mnn").orElseThrow().availability().usable()) {
            assertEquals(3, r.exit(), r::toString);
            assertTrue(r.err().contains("MNN engine unavailable"), r::toString);
            assertNoStackTrace(r);
        } else {
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("12.jpg: 5 faces"), r::toString);
        }
    }

    @Test
    void verifyEngineOnOnnxRuntimeItselfPasses() {
        java.nio.file.Path model = io.github.scrfd4j.testsupport.SharedData.requireModel(
                "scrfd_2.5g_bnkps_shape640x640.onnx");
        java.nio.file.Path images = io.github.scrfd4j.testsupport.SharedData.requireImage("6.jpg").getParent();
        CliRunner.Result r = CliRunner.run("verify-engine", "--engine", "ort", "--model", model.toString(),
                "--images", images.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("score_8") && r.out().contains("OK: every output within tolerance"), r::toString);
        assertTrue(r.out().contains("6.jpg: 23 faces (reference 23); same faces"), r::toString);
    }

    @Test
    void maxPixelsRefusesLargeImagesPerImageAndIsValidated() {
        CliRunner.Result r = CliRunner.run("detect", image("6.jpg"), image("1.jpg"), "--model", model(), "--max-pixels", "200000");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("6.jpg: 23 faces"), r::toString);
        assertTrue(r.out().contains("1.jpg: error: cannot decode") && r.out().contains("810x1080 = 874800 pixels, over the limit of 200000"),
                r::toString);
        assertNoStackTrace(r);
        CliRunner.Result bad = CliRunner.run("detect", image("6.jpg"), "--max-pixels", "0");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("--max-pixels"), bad::toString);
    }
}
