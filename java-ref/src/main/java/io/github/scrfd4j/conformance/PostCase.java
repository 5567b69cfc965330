package io.github.scrfd4j.conformance;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.image.LetterboxStyle;
import io.github.scrfd4j.nms.MaxNumSelector;
import io.github.scrfd4j.vector.KernelsProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Level 1, post-processing: raw output tensors, letterbox parameters, thresholds and convention in;
 * faces out. {@link #expected()} is the oracle's answer (java-ref's {@link PostProcessor}, then
 * {@code max_num} when set).
 */
public record PostCase(String name, String rule, String description, Convention convention, float scoreThreshold,
                       float iouThreshold, int topK, int maxNum, MaxNumSelector.Metric maxNumMetric,
                       LetterboxParams letterbox, List<Tensor> outputs) {
    public static final String LEVEL = "post";

    public List<Face> expected() {
        List<TensorInfo> infos = new ArrayList<>();
        outputs.forEach(t -> infos.add(t.info()));
        OutputLayout layout = OutputLayout.infer(infos, letterbox.inputWidth(), letterbox.inputHeight());
        PostProcessor post = new PostProcessor(convention, scoreThreshold, iouThreshold, topK, KernelsProvider.scalar());
        List<Face> faces = post.process(outputs, layout, letterbox);
        return maxNum > 0 ? MaxNumSelector.select(faces, maxNum, maxNumMetric, letterbox.srcWidth(),
                letterbox.srcHeight()) : faces;
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> m = Cases.header(LEVEL, name, rule, description);
        m.put("convention", Cases.conventionName(convention));
        m.put("score_threshold", scoreThreshold);
        m.put("iou_threshold", iouThreshold);
        m.put("top_k", topK);
        m.put("max_num", maxNum);
        m.put("max_num_metric", maxNumMetric.name().toLowerCase(Locale.ROOT));
        m.put("letterbox", Cases.letterboxJson(letterbox));
        List<Object> outs = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor t = outputs.get(i);
            String file = "output" + i + ".npy";
            Npy.writeFloats(dir.resolve(file), t.shape(), t.data());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", t.name());
            o.put("shape", t.shape());
            o.put("file", file);
            outs.add(o);
        }
        m.put("outputs", outs);
        Files.writeString(dir.resolve(Cases.CASE_FILE), Json.write(m) + "\n");
        Files.writeString(dir.resolve(Cases.EXPECTED_FILE), Json.write(Faces.toJson(expected())) + "\n");
    }

    /** Reads a case directory written by {@code conformance export}. */
    @SuppressWarnings("unchecked")
    public static PostCase read(Path dir) throws IOException {
        Map<String, Object> m = Cases.readCase(dir, LEVEL);
        List<Tensor> outputs = new ArrayList<>();
        for (Object o : (List<Object>) m.get("outputs")) {
            Map<String, Object> om = (Map<String, Object>) o;
            Npy.Array a = Npy.read(dir.resolve((String) om.get("file")));
            outputs.add(new Tensor((String) om.get("name"), a.shape(), a.floats()));
        }
        return new PostCase((String) m.get("name"), (String) m.get("rule"), (String) m.get("description"),
                Cases.convention((String) m.get("convention")),
                Cases.f(m, "score_threshold"), Cases.f(m, "iou_threshold"), Cases.i(m, "top_k"), Cases.i(m, "max_num"),
                MaxNumSelector.Metric.valueOf(((String) m.get("max_num_metric")).toUpperCase(Locale.ROOT)),
                Cases.letterbox((Map<String, Object>) m.get("letterbox")), outputs);
    }

    /** The letterbox a convention plans for an image of {@code w x h} into the input. */
    public static LetterboxParams plan(Convention c, int w, int h, int inputWidth, int inputHeight) {
        return LetterboxParams.plan(c.letterbox(), w, h, inputWidth, inputHeight);
    }

    static LetterboxStyle style(String s) {
        return LetterboxStyle.valueOf(s.toUpperCase(Locale.ROOT));
    }
}
