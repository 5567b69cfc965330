package io.github.scrfd4j.engine.ort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.testsupport.ReferenceCounts;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same faces on every CPU architecture. Each run writes the faces of two photos (the ones with
 * published ONNX Runtime counts) to {@code target/cross-arch/ort-faces-<os.arch>.tsv}; a run on any
 * other architecture than x86-64 (aarch64 under QEMU in CI) compares its faces with the x86-64 file:
 * same count, every coordinate and score within 1e-3. Without an x86-64 file it is skipped, saying so.
 */
class OrtAcrossArchitecturesTest {
    static final List<String> PHOTOS = List.of("4.jpg", "6.jpg");
    static final String REFERENCE_ARCH = "amd64";
    static final double TOLERANCE = 1e-3;

    static Path dir() {
        return Paths.get(System.getProperty("scrfd4j.crossarch.dir", "target/cross-arch"));
    }

    @Test
    void facesEqualTheX8664Faces() throws IOException {
        String arch = System.getProperty("os.arch");
        Map<String, List<Face>> faces = new LinkedHashMap<>();
        try (Detector d = new Detector(new OrtEngine(SharedData.requireModel(OrtDetectionTest.MODEL), 1),
                DetectorOptions.DEFAULTS)) {
            for (String photo : PHOTOS) {
                faces.put(photo, d.detect(SharedData.requireImage(photo)));
            }
        }
        Map<String, Integer> published = ReferenceCounts.forConvention("LITE_AI_TOOLKIT");
        for (String photo : PHOTOS) {
            assertEquals(published.get(photo), faces.get(photo).size(), photo + " on " + arch);
        }
        Files.createDirectories(dir());
        Files.write(dir().resolve("ort-faces-" + arch + ".tsv"), lines(faces), StandardCharsets.UTF_8);
        if (arch.equals(REFERENCE_ARCH)) {
            System.out.println("ORT faces on x86-64 written for the other architectures: " + counts(faces));
            return;
        }
        Path ref = dir().resolve("ort-faces-" + REFERENCE_ARCH + ".tsv");
        assumeTrue(Files.isRegularFile(ref), () -> "skipped: no x86-64 faces at " + ref.toAbsolutePath()
                + " (run this test on x86-64 first; .ci/arm64 does)");
        Map<String, List<float[]>> expected = parse(Files.readAllLines(ref, StandardCharsets.UTF_8));
        double worst = 0;
        for (String photo : PHOTOS) {
            List<float[]> want = expected.get(photo);
            List<float[]> got = parse(lines(Map.of(photo, faces.get(photo)))).get(photo);
            assertTrue(want != null, ref + " has no faces for " + photo);
            assertEquals(want.size(), got.size(), photo + ": face count on " + arch + " vs x86-64");
            for (int i = 0; i < want.size(); i++) {
                for (int k = 0; k < want.get(i).length; k++) {
                    double diff = Math.abs(want.get(i)[k] - got.get(i)[k]);
                    worst = Math.max(worst, diff);
                    assertTrue(diff <= TOLERANCE, photo + " face " + i + " value " + k + ": " + got.get(i)[k]
                            + " on " + arch + ", " + want.get(i)[k] + " on x86-64");
                }
            }
        }
        System.out.printf(Locale.ROOT, "ORT faces on %s (QEMU_CPU=%s) equal x86-64's: %s, largest difference %.3g%n",
                arch, System.getenv().getOrDefault("QEMU_CPU", "-"), counts(faces), worst);
    }

    private static String counts(Map<String, List<Face>> faces) {
        StringBuilder sb = new StringBuilder();
        faces.forEach((p, f) -> sb.append(sb.length() == 0 ? "" : ", ").append(p).append(' ').append(f.size()));
        return sb.toString();
    }

    /** One line per face: photo, score, x1 y1 x2 y2, 10 landmark values; floats printed exactly. */
    static List<String> lines(Map<String, List<Face>> faces) {
        List<String> out = new ArrayList<>();
        faces.forEach((photo, list) -> {
            for (Face f : list) {
                StringBuilder sb = new StringBuilder(photo).append('\t').append(f.score());
                sb.append('\t').append(f.box().x1()).append('\t').append(f.box().y1())
                        .append('\t').append(f.box().x2()).append('\t').append(f.box().y2());
                for (float v : f.landmarks().toArray()) {
                    sb.append('\t').append(v);
                }
                out.add(sb.toString());
            }
        });
        return out;
    }

    static Map<String, List<float[]>> parse(List<String> lines) {
        Map<String, List<float[]>> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            float[] v = new float[f.length - 1];
            for (int i = 1; i < f.length; i++) {
                v[i - 1] = Float.parseFloat(f[i]);
            }
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
