package io.github.scrfd4j.conformance;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.vector.KernelsProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Level 2, preprocessing: a decoded BGR image and an input size in; the letterboxed BGR canvas
 * (uint8 {@code [H, W, 3]}), the input tensor (float32 {@code [1, 3, H, W]}, RGB, {@code (x - 127.5) / 128})
 * and the letterbox parameters out.
 */
public record PreCase(String name, String rule, String description, Convention convention, int inputWidth,
                      int inputHeight, BgrImage image) {
    public static final String LEVEL = "pre";

    /** The oracle's answer. */
    public record Result(LetterboxParams letterbox, BgrImage canvas, float[] tensor) {
    }

    public Result expected() {
        LetterboxParams[] p = new LetterboxParams[1];
        BgrImage canvas = new Letterbox().apply(image, convention.letterbox(), inputWidth, inputHeight, p);
        float[] tensor = new float[3 * inputWidth * inputHeight];
        new Blob(KernelsProvider.scalar()).write(canvas, BlobOptions.SCRFD, tensor, 0);
        return new Result(p[0], canvas, tensor);
    }

    static long[] imageShape(BgrImage img) {
        return new long[] {img.height(), img.width(), 3};
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> m = Cases.header(LEVEL, name, rule, description);
        m.put("convention", Cases.conventionName(convention));
        m.put("input_size", new int[] {inputWidth, inputHeight});
        m.put("image", "image.npy");
        Npy.writeBytes(dir.resolve("image.npy"), imageShape(image), image.toPackedBgr());
        Files.writeString(dir.resolve(Cases.CASE_FILE), Json.write(m) + "\n");
        Result r = expected();
        writeAnswer(dir, Cases.EXPECTED_FILE, "expected", r);
    }

    /** Writes an answer as a port would: JSON naming two .npy files beside it. */
    static void writeAnswer(Path dir, String json, String prefix, Result r) throws IOException {
        Npy.writeBytes(dir.resolve(prefix + "_canvas.npy"), imageShape(r.canvas()), r.canvas().toPackedBgr());
        Npy.writeFloats(dir.resolve(prefix + "_tensor.npy"), new long[] {1, 3, r.canvas().height(), r.canvas().width()},
                r.tensor());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("letterbox", Cases.letterboxJson(r.letterbox()));
        a.put("canvas", prefix + "_canvas.npy");
        a.put("tensor", prefix + "_tensor.npy");
        Files.writeString(dir.resolve(json), Json.write(a) + "\n");
    }

    @SuppressWarnings("unchecked")
    public static PreCase read(Path dir) throws IOException {
        Map<String, Object> m = Cases.readCase(dir, LEVEL);
        Npy.Array a = Npy.read(dir.resolve((String) m.get("image")));
        List<Object> in = (List<Object>) m.get("input_size");
        BgrImage img = BgrImage.wrap(a.bytes(), (int) a.shape()[1], (int) a.shape()[0], 3 * (int) a.shape()[1]);
        return new PreCase((String) m.get("name"), (String) m.get("rule"), (String) m.get("description"),
                Cases.convention((String) m.get("convention")),
                ((Number) in.get(0)).intValue(), ((Number) in.get(1)).intValue(), img);
    }
}
