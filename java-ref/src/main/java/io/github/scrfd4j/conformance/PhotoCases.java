package io.github.scrfd4j.conformance;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.nms.MaxNumSelector;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conformance cases made from real data: an engine's raw outputs for every photo (both
 * conventions; the reference model also at score 0.5), the photos' letterboxes, and their decoded
 * pixels. The suite then holds derived tensors and copies of third-party photos, so it is written,
 * never committed.
 */
public final class PhotoCases {
    /** The model lite.ai.toolkit's counts were published for: its cases also run at score 0.5. */
    public static final String REFERENCE_MODEL = "scrfd_2.5g_bnkps_shape640x640";

    private PhotoCases() {
    }

    /** Decoding and preprocessing cases for each photo. */
    public static void addPhotos(Suite suite, List<Path> photos) throws IOException {
        for (Path photo : photos) {
            byte[] bytes = Files.readAllBytes(photo);
            String stem = stem(photo);
            suite.add(new DecodeCase("decode-photo-" + stem, "JPEG pixels as cv::imread, EXIF orientation applied, no ICC conversion",
                    "the photo " + photo.getFileName(), "image" + ext(photo), bytes));
            BgrImage img = ImageDecoder.decode(bytes, photo.getFileName().toString());
            for (Convention c : Convention.values()) {
                suite.add(new PreCase("pre-photo-" + stem + "-" + Cases.conventionName(c),
                        "letterbox, cv::resize INTER_LINEAR and blob on a real photo",
                        "the photo " + photo.getFileName() + " into 640x640", c, 640, 640, img));
            }
        }
    }

    /**
     * Post-processing cases from {@code engine}'s raw outputs on each photo; {@code model} names the
     * model in case names. Returns the number of cases added.
     */
    public static int addOutputs(Suite suite, Engine engine, String model, List<Path> photos) throws IOException {
        int added = 0;
        try (EngineSession session = engine.openSession()) {
            int w = engine.input().dynamic() ? 640 : engine.input().width();
            int h = engine.input().dynamic() ? 640 : engine.input().height();
            float[] scratch = new float[3 * w * h];
            for (Path photo : photos) {
                BgrImage img = ImageDecoder.read(photo);
                for (Convention c : Convention.values()) {
                    LetterboxParams[] lb = new LetterboxParams[1];
                    BgrImage canvas = new Letterbox().apply(img, c.letterbox(), w, h, lb);
                    FloatBuffer in = session.inputBuffer(w, h);
                    new Blob().write(canvas, BlobOptions.SCRFD, in, scratch);
                    List<Tensor> outputs = copy(session.run(w, h));
                    float[] thresholds = model.equals(REFERENCE_MODEL) ? new float[] {0.3f, 0.5f} : new float[] {0.3f};
                    for (float t : thresholds) {
                        suite.add(new PostCase("post-photo-" + safe(model) + "-" + stem(photo) + "-"
                                + Cases.conventionName(c) + "-s" + Math.round(t * 100), "real outputs: " + model + " on "
                                + photo.getFileName(), engine.name() + "'s raw outputs at " + w + "x" + h
                                + ", score threshold " + t, c, t, 0.45f, 400, 0, MaxNumSelector.Metric.DEFAULT, lb[0],
                                outputs));
                        added++;
                    }
                }
            }
        }
        return added;
    }

    private static List<Tensor> copy(List<Tensor> outputs) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : outputs) {
            out.add(new Tensor(t.name(), t.shape(), t.data().clone()));
        }
        return out;
    }

    /** The file name without its extension, safe for a case name. */
    public static String stem(Path p) {
        String f = p.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return safe(dot > 0 ? f.substring(0, dot) : f);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String ext(Path p) {
        String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return f.substring(f.lastIndexOf('.'));
    }
}
