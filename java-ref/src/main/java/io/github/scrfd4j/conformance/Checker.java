package io.github.scrfd4j.conformance;

import io.github.scrfd4j.detect.Face;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Compares a port's answers with the oracle's, case by case, and says where the first difference
 * is. Tolerances: box and landmark coordinates 1e-3 px, scores 1e-6, tensors 1e-6; canvases, pixels,
 * face counts, face order and letterbox integers exactly; the letterbox scale to 1e-6 relative.
 */
public final class Checker {
    public static final double COORDINATE_TOLERANCE = 1e-3;
    public static final double SCORE_TOLERANCE = 1e-6;
    public static final double TENSOR_TOLERANCE = 1e-6;

    /** One case's verdict; {@code detail} is the first difference, or empty when it passed. */
    public record Result(Suite.Entry entry, boolean passed, String detail) {
    }

    private Checker() {
    }

    /** Checks every case that {@code filter} accepts against {@code results}. */
    public static List<Result> check(Suite suite, Path results, Predicate<Suite.Entry> filter) {
        List<Result> out = new ArrayList<>();
        for (Suite.Entry e : suite.entries()) {
            if (!filter.test(e)) {
                continue;
            }
            Path answer = results.resolve(e.level()).resolve(e.name() + ".json");
            String diff;
            try {
                if (!Files.isRegularFile(answer)) {
                    diff = "no answer (" + answer + " is missing)";
                } else {
                    diff = compare(e, suite.dir(e), answer);
                }
            } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError ex) {
                diff = "unreadable answer: " + ex;
            }
            out.add(new Result(e, diff.isEmpty(), diff));
        }
        return out;
    }

    private static String compare(Suite.Entry e, Path caseDir, Path answer) throws IOException {
        Object got = Json.parse(Files.readString(answer));
        Path expected = caseDir.resolve(Cases.EXPECTED_FILE);
        switch (e.level()) {
            case PostCase.LEVEL:
                return faces(Faces.fromJson(Json.parse(Files.readString(expected))), Faces.fromJson(got));
            case PreCase.LEVEL:
                return pre(caseDir, expected, answer.getParent(), got);
            case DecodeCase.LEVEL:
                return images("pixels", npy(caseDir, Json.parse(Files.readString(expected)), "pixels"),
                        npy(answer.getParent(), got, "pixels"));
            default:
                return "unknown level " + e.level();
        }
    }

    /** The first difference between two face lists, or "". */
    static String faces(List<Face> want, List<Face> got) {
        int n = Math.min(want.size(), got.size());
        for (int i = 0; i < n; i++) {
            String d = face(want.get(i), got.get(i));
            if (!d.isEmpty()) {
                for (int j = 0; j < got.size(); j++) {
                    if (j != i && face(want.get(i), got.get(j)).isEmpty()) {
                        return "order: expected face " + i + " is the answer's face " + j;
                    }
                }
                boolean inWant = false;
                for (Face w : want) {
                    inWant |= face(w, got.get(i)).isEmpty();
                }
                if (want.size() > got.size() && inWant) {
                    return "missing face " + i + " " + describe(want.get(i)) + " (expected " + want.size()
                            + " faces, got " + got.size() + ")";
                }
                return "face " + i + ": " + d;
            }
        }
        if (want.size() > got.size()) {
            return "missing face " + n + " " + describe(want.get(n)) + " (expected " + want.size() + " faces, got "
                    + got.size() + ")";
        }
        if (got.size() > want.size()) {
            return "extra face " + n + " " + describe(got.get(n)) + " (expected " + want.size() + " faces, got "
                    + got.size() + ")";
        }
        return "";
    }

    private static String describe(Face f) {
        return String.format(Locale.ROOT, "[%.3f, %.3f, %.3f, %.3f] score %.6f", f.box().x1(), f.box().y1(),
                f.box().x2(), f.box().y2(), f.score());
    }

    private static String face(Face w, Face g) {
        float[] wb = {w.box().x1(), w.box().y1(), w.box().x2(), w.box().y2()};
        float[] gb = {g.box().x1(), g.box().y1(), g.box().x2(), g.box().y2()};
        String[] names = {"x1", "y1", "x2", "y2"};
        for (int k = 0; k < 4; k++) {
            if (!close(wb[k], gb[k], COORDINATE_TOLERANCE)) {
                return String.format(Locale.ROOT, "box %s %.6f, expected %.6f (|d| > %.0e px)", names[k], gb[k], wb[k],
                        COORDINATE_TOLERANCE);
            }
        }
        if (!close(w.score(), g.score(), SCORE_TOLERANCE)) {
            return String.format(Locale.ROOT, "score %.8f, expected %.8f", g.score(), w.score());
        }
        if (w.hasLandmarks() != g.hasLandmarks()) {
            return w.hasLandmarks() ? "landmarks missing" : "landmarks where the model has none";
        }
        if (w.hasLandmarks()) {
            float[] wl = w.landmarks().toArray();
            float[] gl = g.landmarks().toArray();
            for (int k = 0; k < 10; k++) {
                if (!close(wl[k], gl[k], COORDINATE_TOLERANCE)) {
                    return String.format(Locale.ROOT, "landmark %d %s %.6f, expected %.6f", k / 2, k % 2 == 0 ? "x" : "y",
                            gl[k], wl[k]);
                }
            }
        }
        return "";
    }

    /** Within {@code tol}, or the same value (infinities and NaN included). */
    private static boolean close(float a, float b, double tol) {
        return Float.compare(a, b) == 0 || Math.abs(a - b) <= tol;
    }

    @SuppressWarnings("unchecked")
    private static String pre(Path caseDir, Path expectedFile, Path answerDir, Object got) throws IOException {
        Map<String, Object> want = (Map<String, Object>) Json.parse(Files.readString(expectedFile));
        Map<String, Object> g = (Map<String, Object>) got;
        Map<String, Object> wl = (Map<String, Object>) want.get("letterbox");
        Map<String, Object> gl = (Map<String, Object>) g.get("letterbox");
        if (gl == null) {
            return "no \"letterbox\" in the answer";
        }
        for (String k : new String[] {"resized_size", "pad_left", "pad_top"}) {
            if (!String.valueOf(wl.get(k)).equals(String.valueOf(gl.get(k)))) {
                return "letterbox " + k + " " + gl.get(k) + ", expected " + wl.get(k);
            }
        }
        double ws = ((Number) wl.get("scale")).doubleValue();
        double gs = ((Number) gl.get("scale")).doubleValue();
        if (!(Math.abs(ws - gs) <= 1e-6 * Math.abs(ws))) {
            return "letterbox scale " + gs + ", expected " + ws;
        }
        String canvas = images("canvas", npy(caseDir, want, "canvas"), npy(answerDir, g, "canvas"));
        if (!canvas.isEmpty()) {
            return canvas;
        }
        Npy.Array wt = npy(caseDir, want, "tensor");
        Npy.Array gt = npy(answerDir, g, "tensor");
        if (gt.floats() == null || !java.util.Arrays.equals(wt.shape(), gt.shape())) {
            return "tensor is " + gt + ", expected " + wt;
        }
        for (int i = 0; i < wt.floats().length; i++) {
            if (!(Math.abs(wt.floats()[i] - gt.floats()[i]) <= TENSOR_TOLERANCE)) {
                return "tensor element " + i + " " + gt.floats()[i] + ", expected " + wt.floats()[i];
            }
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static Npy.Array npy(Path dir, Object doc, String key) throws IOException {
        Object f = ((Map<String, Object>) doc).get(key);
        if (!(f instanceof String)) {
            throw new IOException("no \"" + key + "\" file named in the answer");
        }
        // a file beside the JSON, nothing else: an answer must not point at the suite's own expected arrays
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve((String) f).normalize();
        if (!file.getParent().equals(base) || !Files.isRegularFile(file)) {
            throw new IOException("\"" + key + "\": " + f + " is not a file beside " + dir.getFileName()
                    + "/ (answers name .npy files in their own directory)");
        }
        return Npy.read(file);
    }

    private static String images(String what, Npy.Array want, Npy.Array got) {
        if (got.bytes() == null || !java.util.Arrays.equals(want.shape(), got.shape())) {
            return what + " is " + got + ", expected " + want;
        }
        byte[] w = want.bytes();
        byte[] g = got.bytes();
        for (int i = 0; i < w.length; i++) {
            if (w[i] != g[i]) {
                long width = want.shape()[1];
                return String.format(Locale.ROOT, "%s pixel (x %d, y %d, channel %d) is %d, expected %d", what,
                        (i / 3) % width, (i / 3) / width, i % 3, g[i] & 255, w[i] & 255);
            }
        }
        return "";
    }
}
