package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.Box;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.Landmarks;
import java.util.List;

/** The {@code --json} document: run settings, then one entry per input image. */
final class JsonReport {
    private JsonReport() {
    }

    /** The settings the run used, as reported at the top of the document. */
    record Header(String model, String modelFile, String engine, String convention, float scoreThreshold,
                  float iouThreshold, int topK, int inputWidth, int inputHeight) {
    }

    static String render(Header h, List<ImageResult> images) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("model").value(h.model());
        w.name("model_file").value(h.modelFile());
        w.name("engine").value(h.engine());
        w.name("convention").value(h.convention());
        w.name("score_threshold").value(h.scoreThreshold());
        w.name("iou_threshold").value(h.iouThreshold());
        w.name("topk").value(h.topK());
        w.name("input").beginArray().value(h.inputWidth()).value(h.inputHeight()).endArray();
        w.name("images").beginArray();
        for (ImageResult r : images) {
            image(w, r);
        }
        w.endArray();
        return w.endObject().toString();
    }

    private static void image(JsonWriter w, ImageResult r) {
        w.beginObject();
        w.name("path").value(r.path().toString());
        if (r.decoded()) {
            w.name("width").value(r.width());
            w.name("height").value(r.height());
        } else {
            w.name("width").nullValue();
            w.name("height").nullValue();
        }
        w.name("faces").beginArray();
        for (Face f : r.faces()) {
            face(w, f);
        }
        w.endArray();
        w.name("error").value(r.error());
        w.endObject();
    }

    private static void face(JsonWriter w, Face f) {
        Box b = f.box();
        w.beginObject();
        w.name("box").beginArray().value(b.x1()).value(b.y1()).value(b.x2()).value(b.y2()).endArray();
        w.name("score").value(f.score());
        w.name("landmarks");
        Landmarks l = f.landmarks();
        if (l == null) {
            w.nullValue();
        } else {
            w.beginArray();
            for (int p = 0; p < Landmarks.POINTS; p++) {
                w.beginArray().value(l.x(p)).value(l.y(p)).endArray();
            }
            w.endArray();
        }
        w.endObject();
    }
}
