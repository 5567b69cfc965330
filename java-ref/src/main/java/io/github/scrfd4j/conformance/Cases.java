package io.github.scrfd4j.conformance;

import io.github.scrfd4j.image.LetterboxParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parts every case file shares: header fields, letterbox parameters, number fields. */
final class Cases {
    static final String FORMAT = "scrfd4j-conformance";
    static final int VERSION = 1;
    static final String CASE_FILE = "case.json";
    static final String EXPECTED_FILE = "expected.json";

    private Cases() {
    }

    /** "lite" or "insightface": the spelling of the CLI's --convention. */
    static String conventionName(io.github.scrfd4j.decode.Convention c) {
        return c == io.github.scrfd4j.decode.Convention.LITE_AI_TOOLKIT ? "lite" : "insightface";
    }

    static io.github.scrfd4j.decode.Convention convention(String name) {
        switch (name) {
            case "lite":
                return io.github.scrfd4j.decode.Convention.LITE_AI_TOOLKIT;
            case "insightface":
                return io.github.scrfd4j.decode.Convention.INSIGHTFACE;
            default:
                throw new IllegalArgumentException("unknown convention '" + name + "' (lite, insightface)");
        }
    }

    static Map<String, Object> header(String level, String name, String rule, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("level", level);
        m.put("name", name);
        m.put("rule", rule);
        m.put("description", description);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readCase(Path dir, String level) throws IOException {
        Object doc = Json.parse(Files.readString(dir.resolve(CASE_FILE)));
        if (!(doc instanceof Map) || !FORMAT.equals(((Map<String, Object>) doc).get("format"))) {
            throw new IOException(dir.resolve(CASE_FILE) + ": not a " + FORMAT + " case");
        }
        Map<String, Object> m = (Map<String, Object>) doc;
        if (((Number) m.get("version")).intValue() != VERSION) {
            throw new IOException(dir + ": case format version " + m.get("version") + ", this reader knows " + VERSION);
        }
        if (!level.equals(m.get("level"))) {
            throw new IOException(dir + ": a " + m.get("level") + " case, not " + level);
        }
        return m;
    }

    static Map<String, Object> letterboxJson(LetterboxParams p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("style", p.style().name().toLowerCase(Locale.ROOT));
        m.put("image_size", new int[] {p.srcWidth(), p.srcHeight()});
        m.put("input_size", new int[] {p.inputWidth(), p.inputHeight()});
        m.put("resized_size", new int[] {p.resizedWidth(), p.resizedHeight()});
        m.put("pad_left", p.padLeft());
        m.put("pad_top", p.padTop());
        m.put("scale", p.scale());
        return m;
    }

    @SuppressWarnings("unchecked")
    static LetterboxParams letterbox(Map<String, Object> m) {
        List<Object> img = (List<Object>) m.get("image_size");
        List<Object> in = (List<Object>) m.get("input_size");
        List<Object> rs = (List<Object>) m.get("resized_size");
        return new LetterboxParams(PostCase.style((String) m.get("style")), n(img, 0), n(img, 1), n(in, 0), n(in, 1),
                n(rs, 0), n(rs, 1), i(m, "pad_left"), i(m, "pad_top"), f(m, "scale"));
    }

    private static int n(List<Object> l, int i) {
        return ((Number) l.get(i)).intValue();
    }

    static int i(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).intValue();
    }

    static float f(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).floatValue();
    }
}
