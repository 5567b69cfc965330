package io.github.scrfd4j.conformance;

import io.github.scrfd4j.detect.Box;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.Landmarks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Faces as conformance JSON: {@code {"faces": [{"box": [x1, y1, x2, y2], "score": s, "landmarks": [x0, y0, ... x4, y4] | null}]}}. */
public final class Faces {
    private Faces() {
    }

    public static Map<String, Object> toJson(List<Face> faces) {
        List<Object> list = new ArrayList<>();
        for (Face f : faces) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("box", new float[] {f.box().x1(), f.box().y1(), f.box().x2(), f.box().y2()});
            m.put("score", f.score());
            m.put("landmarks", f.hasLandmarks() ? f.landmarks().toArray() : null);
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("faces", list);
        return doc;
    }

    @SuppressWarnings("unchecked")
    public static List<Face> fromJson(Object doc) {
        if (!(doc instanceof Map) || !(((Map<String, Object>) doc).get("faces") instanceof List)) {
            throw new IllegalArgumentException("expected an object with a \"faces\" array");
        }
        List<Face> out = new ArrayList<>();
        for (Object o : (List<Object>) ((Map<String, Object>) doc).get("faces")) {
            Map<String, Object> m = (Map<String, Object>) o;
            float[] b = floats(m.get("box"), 4, "box");
            Object lm = m.get("landmarks");
            Landmarks l = lm == null ? null : new Landmarks(floats(lm, 10, "landmarks"));
            out.add(new Face(new Box(b[0], b[1], b[2], b[3]), ((Number) m.get("score")).floatValue(), l));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static float[] floats(Object o, int n, String what) {
        if (!(o instanceof List) || ((List<Object>) o).size() != n) {
            throw new IllegalArgumentException("\"" + what + "\" must be an array of " + n + " numbers");
        }
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            Object v = ((List<Object>) o).get(i);
            f[i] = v == null ? Float.NaN : ((Number) v).floatValue();
        }
        return f;
    }
}
