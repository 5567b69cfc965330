package io.github.scrfd4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.detect.Box;
import io.github.scrfd4j.detect.Face;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated suite, answered by the oracle itself (every case passes) and by deliberately wrong
 * ports (each wrong answer is reported with its case and rule).
 */
class ConformanceSuiteTest {
    @TempDir
    static Path tmp;
    static Suite suite;
    static Path oracle;

    @BeforeAll
    static void export() throws IOException {
        suite = Suite.create(tmp.resolve("suite"), 7);
        GeneratedCases.addAll(suite);
        suite.finish();
        oracle = tmp.resolve("oracle");
        OracleAnswers.write(suite, oracle, Set.of("post", "pre", "decode"));
    }

    private static List<Checker.Result> check(Path results) throws IOException {
        return Checker.check(Suite.open(suite.root()), results, e -> true);
    }

    @Test
    void theOraclePassesEveryCase() throws IOException {
        List<Checker.Result> rs = check(oracle);
        List<String> failed = rs.stream().filter(r -> !r.passed()).map(r -> r.entry().name() + ": " + r.detail())
                .collect(Collectors.toList());
        assertTrue(failed.isEmpty(), failed.toString());
        assertEquals(suite.entries().size(), rs.size());
        Set<String> levels = new HashSet<>();
        rs.forEach(r -> levels.add(r.entry().level()));
        assertEquals(Set.of("post", "pre", "decode"), levels);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Suite again = Suite.create(tmp.resolve("again"), 7);
        GeneratedCases.addAll(again);
        again.finish();
        Suite other = Suite.create(tmp.resolve("other"), 8);
        GeneratedCases.addAll(other);
        other.finish();
        Path c = Path.of("post/post-lite-random/output0.npy");
        assertArrayEquals(Files.readAllBytes(suite.root().resolve(c)), Files.readAllBytes(again.root().resolve(c)));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(suite.root().resolve(c)),
                Files.readAllBytes(other.root().resolve(c))));
        assertEquals(Files.readString(suite.root().resolve(Suite.INDEX)).replace("\"seed\": 7", ""),
                Files.readString(again.root().resolve(Suite.INDEX)).replace("\"seed\": 7", ""));
    }

    /** Copies the oracle's answers, then lets {@code edit} spoil one post answer. */
    private Path spoiled(String name, String caseName, java.util.function.UnaryOperator<List<Face>> edit) throws IOException {
        Path dir = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(oracle)) {
            for (Path p : files.collect(Collectors.toList())) {
                Path to = dir.resolve(oracle.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path answer = dir.resolve("post").resolve(caseName + ".json");
        List<Face> faces = new ArrayList<>(Faces.fromJson(Json.parse(Files.readString(answer))));
        Files.writeString(answer, Json.write(Faces.toJson(edit.apply(faces))));
        return dir;
    }

    private static Checker.Result only(List<Checker.Result> rs) {
        List<Checker.Result> failed = rs.stream().filter(r -> !r.passed()).collect(Collectors.toList());
        assertEquals(1, failed.size(), failed.toString());
        return failed.get(0);
    }

    @Test
    void aDroppedFaceIsReported() throws IOException {
        Checker.Result r = only(check(spoiled("dropped", "post-lite-ties-keep-order", f -> f.subList(0, f.size() - 1))));
        assertEquals("post-lite-ties-keep-order", r.entry().name());
        assertEquals("ties in score keep decode order", r.entry().rule());
        assertTrue(r.detail().startsWith("missing face 3"), r.detail());
    }

    @Test
    void aNudgedCoordinateIsReported() throws IOException {
        Checker.Result r = only(check(spoiled("nudged", "post-lite-outside-image", f -> {
            Face a = f.get(0);
            f.set(0, new Face(new Box(a.box().x1(), a.box().y1(), a.box().x2() + 0.01f, a.box().y2()), a.score(),
                    a.landmarks()));
            return f;
        })));
        assertEquals("post-lite-outside-image", r.entry().name());
        assertTrue(r.entry().rule().contains("clamps"), r.entry().rule());
        assertTrue(r.detail().startsWith("face 0: box x2"), r.detail());
    }

    @Test
    void aChangedOrderIsReported() throws IOException {
        Checker.Result r = only(check(spoiled("reordered", "post-insightface-ties-keep-order", f -> {
            Collections.swap(f, 0, 1);
            return f;
        })));
        assertEquals("post-insightface-ties-keep-order", r.entry().name());
        assertEquals("order: expected face 0 is the answer's face 1", r.detail());
    }

    @Test
    void anExtraFaceAndAMissingAnswerAreReported() throws IOException {
        Checker.Result r = only(check(spoiled("extra", "post-lite-empty", f -> {
            f.add(new Face(new Box(1, 2, 3, 4), 0.9f, null));
            return f;
        })));
        assertTrue(r.detail().startsWith("extra face 0"), r.detail());
        Path gone = spoiled("gone", "post-lite-empty", f -> f);
        Files.delete(gone.resolve("post/post-lite-nms.json"));
        Checker.Result g = only(check(gone));
        assertEquals("post-lite-nms", g.entry().name());
        assertTrue(g.detail().startsWith("no answer"), g.detail());
    }

    @Test
    void aWrongPixelAndTensorAreReported() throws IOException {
        Path dir = spoiled("pixels", "post-lite-empty", f -> f);
        Path canvas = dir.resolve("pre/pre-lite-3x7-to-640x640_canvas.npy");
        Npy.Array a = Npy.read(canvas);
        a.bytes()[3 * (640 * 300 + 320) + 1] ^= 1;
        Npy.writeBytes(canvas, a.shape(), a.bytes());
        Checker.Result r = only(check(dir));
        assertEquals("pre-lite-3x7-to-640x640", r.entry().name());
        assertEquals("canvas pixel (x 320, y 300, channel 1) is " + (a.bytes()[3 * (640 * 300 + 320) + 1] & 255)
                + ", expected " + ((a.bytes()[3 * (640 * 300 + 320) + 1] ^ 1) & 255), r.detail());
    }

    @Test
    void anAnswerCannotPointAtTheSuitesOwnExpectedFiles() throws IOException {
        Path dir = spoiled("cheat", "post-lite-empty", f -> f);
        Path answer = dir.resolve("pre/pre-lite-3x7-to-640x640.json");
        Path expected = suite.root().resolve("pre/pre-lite-3x7-to-640x640");
        Files.writeString(answer, Files.readString(answer)
                .replace("pre-lite-3x7-to-640x640_canvas.npy", expected.resolve("expected_canvas.npy").toString())
                .replace("pre-lite-3x7-to-640x640_tensor.npy", "../../suite/pre/pre-lite-3x7-to-640x640/expected_tensor.npy"));
        Checker.Result r = only(check(dir));
        assertEquals("pre-lite-3x7-to-640x640", r.entry().name());
        assertTrue(r.detail().contains("is not a file beside"), r.detail());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(10_000)))
                .getMessage().contains("nested deeper"));
    }

    @Test
    void everyRuleOfTheContractHasACase() {
        Set<String> rules = new HashSet<>();
        suite.entries().forEach(e -> rules.add(e.rule()));
        for (String needle : List.of("score >= threshold", "NaN", "clamps", "does not clamp", "30001", "nms_pre",
                "top-k", "ties", "iou_of (+1 sizes)", "ovr <= t", "max_num", "6 outputs", "10 outputs", "15 outputs",
                "numbered outputs", "no face", "CENTERED", "TOP_LEFT", "INTER_LINEAR", "(x - 127.5) / 128",
                "EXIF orientation", "PNG", "JPEG")) {
            assertTrue(rules.stream().anyMatch(r -> r.contains(needle)), "no case for rule '" + needle + "': " + rules);
        }
    }

    @Test
    void npyAndJsonRoundTrip() throws IOException {
        Path f = tmp.resolve("x.npy");
        Npy.writeFloats(f, new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, Float.NaN});
        Npy.Array a = Npy.read(f);
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertTrue(Float.isNaN(a.floats()[5]));
        byte[] raw = Files.readAllBytes(f);
        assertEquals(0, (10 + ((raw[8] & 255) | (raw[9] & 255) << 8)) % 64, "header padded to a multiple of 64");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(Json.write(Map.of("v", List.of(1.5f,
                Float.POSITIVE_INFINITY, "a\"b"))));
        assertEquals(List.of(1.5, Double.POSITIVE_INFINITY, "a\"b"), m.get("v"));
    }
}
