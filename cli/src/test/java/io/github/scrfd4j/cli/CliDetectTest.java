package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.testsupport.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrfd4j detect} on the shared photos with the 2.5g 640x640 ONNX model. */
class CliDetectTest {
    static final String MODEL = "scrfd_2.5g_bnkps_shape640x640.onnx";

    private static String model() {
        return SharedData.requireModel(MODEL).toString();
    }

    private static String image(String name) {
        return SharedData.requireImage(name).toString();
    }

    @Test
    void liteConventionReferenceCounts() {
        CliRunner.Result r = CliRunner.run("detect", image("4.jpg"), image("6.jpg"), "--model", model());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(9, r.faces("4.jpg"), r::toString);
        assertEquals(23, r.faces("6.jpg"), r::toString);
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(2).startsWith("2 images, 32 faces, 0 failed"), lines.get(2));
        assertEquals("", r.err().replaceAll("(?m)^WARNING: Using incubator modules.*\\R?", ""), r::toString);
    }

    @Test
    void insightFaceConventionCounts() {
        CliRunner.Result r = CliRunner.run("detect", image("4.jpg"), image("6.jpg"), "--model", model(),
                "--convention", "insightface");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(8, r.faces("4.jpg"), r::toString);
        assertEquals(21, r.faces("6.jpg"), r::toString);
    }

    @Test
    void modelNameResolvesFromModelsDir() {
        Path dir = SharedData.requireRoot().resolve("models");
        CliRunner.Result r = CliRunner.run("detect", image("6.jpg"), "--models-dir", dir.toString(), "--no-download");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(23, r.faces("6.jpg"), r::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonFileMatchesPrintedCounts(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("out.json");
        CliRunner.Result r = CliRunner.run("detect", image("4.jpg"), image("6.jpg"), "--model", model(),
                "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);
        Map<String, Object> doc = (Map<String, Object>) io.github.scrfd4j.conformance.Json.parse(Files.readString(json));
        assertEquals("scrfd_2.5g_bnkps_shape640x640", doc.get("model"));
        assertEquals("lite", doc.get("convention"));
        assertEquals(0.3, (Double) doc.get("score_threshold"), 1e-6);
        assertEquals(0.45, (Double) doc.get("iou_threshold"), 1e-6);
        assertEquals(400.0, doc.get("topk"));
        assertEquals(List.of(640.0, 640.0), doc.get("input"));
        assertTrue(((String) doc.get("engine")).startsWith("onnxruntime"), doc.get("engine").toString());
        List<Map<String, Object>> images = (List<Map<String, Object>>) doc.get("images");
        assertEquals(2, images.size());
        for (Map<String, Object> img : images) {
            String path = (String) img.get("path");
            String name = Path.of(path).getFileName().toString();
            List<Map<String, Object>> faces = (List<Map<String, Object>>) img.get("faces");
            assertEquals(r.faces(name), faces.size(), path);
            assertNull(img.get("error"));
            BufferedImage original = ImageIO.read(Path.of(path).toFile());
            assertEquals((double) original.getWidth(), img.get("width"));
            assertEquals((double) original.getHeight(), img.get("height"));
            for (Map<String, Object> f : faces) {
                List<Double> box = (List<Double>) f.get("box");
                assertEquals(4, box.size());
                assertTrue(box.get(0) < box.get(2) && box.get(1) < box.get(3), box.toString());
                assertTrue((Double) f.get("score") >= 0.3, f.toString());
                List<List<Double>> lm = (List<List<Double>>) f.get("landmarks");
                assertEquals(5, lm.size());
                lm.forEach(p -> assertEquals(2, p.size()));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonToStdoutMovesLinesToStderr() {
        CliRunner.Result r = CliRunner.run("detect", image("6.jpg"), "--model", model(), "--json", "-");
        assertEquals(0, r.exit(), r::toString);
        Map<String, Object> doc = (Map<String, Object>) io.github.scrfd4j.conformance.Json.parse(r.out().trim());
        List<Map<String, Object>> images = (List<Map<String, Object>>) doc.get("images");
        assertEquals(23, ((List<?>) images.get(0).get("faces")).size());
        assertTrue(r.err().contains("6.jpg: 23 faces"), r::toString);
    }

    @Test
    void outWritesAnnotatedCopiesOfTheInputSize(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("annotated");
        CliRunner.Result r = CliRunner.run("detect", image("4.jpg"), image("6.jpg"), "--model", model(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r::toString);
        for (String name : List.of("4.jpg", "6.jpg")) {
            BufferedImage written = ImageIO.read(out.resolve(name).toFile());
            assertNotNull(written, name + " is not a readable image");
            BufferedImage original = ImageIO.read(Path.of(image(name)).toFile());
            assertEquals(original.getWidth(), written.getWidth(), name);
            assertEquals(original.getHeight(), written.getHeight(), name);
        }
    }

    @Test
    void outDirectoryEqualToTheInputsNeverOverwritesThem(@TempDir Path tmp) throws IOException {
        Path photo = tmp.resolve("6.jpg");
        Files.copy(Path.of(image("6.jpg")), photo);
        byte[] before = Files.readAllBytes(photo);
        CliRunner.Result r = CliRunner.run("detect", photo.toString(), "--model", model(), "--out", tmp.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(photo)), "input was overwritten");
        assertNotNull(ImageIO.read(tmp.resolve("6_1.jpg").toFile()));
    }

    @Test
    void directoryExpandsToAllPhotos() {
        Path dir = SharedData.requireRoot().resolve("testdata/images");
        SharedData.requireAllImages();
        CliRunner.Result r = CliRunner.run("detect", dir.toString(), "--model", model());
        assertEquals(0, r.exit(), r::toString);
        for (String photo : SharedData.PHOTOS) {
            assertTrue(r.faces(photo) >= 0, photo + " not reported\n" + r);
        }
        assertEquals(9, r.faces("4.jpg"));
        assertEquals(23, r.faces("6.jpg"));
        // Sorted by file name: 1, 12, 4, 6, 9.
        List<String> lines = r.outLines();
        assertEquals(6, lines.size(), r::toString);
        assertTrue(lines.get(0).contains("/1.jpg:") && lines.get(1).contains("/12.jpg:"), r::toString);
        assertTrue(lines.get(5).startsWith("5 images, "), lines.get(5));
    }
}
