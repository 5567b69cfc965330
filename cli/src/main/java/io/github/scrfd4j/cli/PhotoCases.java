package io.github.scrfd4j.cli;

import io.github.scrfd4j.conformance.DecodeCase;
import io.github.scrfd4j.conformance.PostCase;
import io.github.scrfd4j.conformance.PreCase;
import io.github.scrfd4j.conformance.Suite;
import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.EngineSettings;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.nms.MaxNumSelector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The conformance cases made from real data: ONNX Runtime's raw outputs for every photo on every
 * {@code .onnx} model (both conventions; the reference model also at score 0.5), the photos'
 * letterboxes, and their decoded pixels. The suite holds derived tensors and copies of the photos,
 * so it is written, never committed.
 */
final class PhotoCases {
    private static final String REFERENCE_MODEL = "scrfd_2.5g_bnkps_shape640x640.onnx";

    private final Suite suite;
    private final Path models;
    private final Path images;
    private final String modelFilter;
    private final PrintWriter log;

    PhotoCases(Suite suite, Path models, Path images, String modelFilter, PrintWriter log) {
        this.suite = suite;
        this.models = models;
        this.images = images;
        this.modelFilter = modelFilter;
        this.log = log;
    }

    int addAll() throws IOException {
        int before = suite.entries().size();
        List<Path> photos = list(images, ".*\\.(jpe?g|png|bmp)");
        List<Path> onnx = list(models, ".*\\.onnx").stream()
                .filter(p -> p.getFileName().toString().matches(modelFilter)).collect(Collectors.toList());
        EngineProvider ort = EngineProviders.load().byName("ort").orElseThrow(() ->
                new IllegalStateException("the real cases need ONNX Runtime (io.github.scrfd4j:scrfd4j-ort)"));
        for (Path photo : photos) {
            byte[] bytes = Files.readAllBytes(photo);
            String stem = stem(photo);
            suite.add(new DecodeCase("decode-photo-" + stem, "JPEG pixels as cv::imread, EXIF orientation applied, no ICC conversion",
                    "the photo " + photo.getFileName(), "image" + ext(photo), bytes));
            BgrImage img = ImageDecoder.decode(bytes, photo.getFileName().toString());
            for (Convention c : Convention.values()) {
                suite.add(new PreCase("pre-photo-" + stem + "-" + name(c), "letterbox, cv::resize INTER_LINEAR and blob on a real photo",
                        "the photo " + photo.getFileName() + " into 640x640", c, 640, 640, img));
            }
        }
        for (Path model : onnx) {
            try (Engine engine = ort.open(List.of(model), EngineSettings.CPU); EngineSession session = engine.openSession()) {
                int w = engine.input().dynamic() ? 640 : engine.input().width();
                int h = engine.input().dynamic() ? 640 : engine.input().height();
                String m = stem(model);
                for (Path photo : photos) {
                    BgrImage img = ImageDecoder.read(photo);
                    for (Convention c : Convention.values()) {
                        LetterboxParams[] lb = new LetterboxParams[1];
                        BgrImage canvas = new Letterbox().apply(img, c.letterbox(), w, h, lb);
                        FloatBuffer in = session.inputBuffer(w, h);
                        new Blob().write(canvas, BlobOptions.SCRFD, in, new float[3 * w * h]);
                        List<Tensor> outputs = copy(session.run(w, h));
                        float[] thresholds = model.getFileName().toString().equals(REFERENCE_MODEL)
                                ? new float[] {0.3f, 0.5f} : new float[] {0.3f};
                        for (float t : thresholds) {
                            suite.add(new PostCase("post-photo-" + m + "-" + stem(photo) + "-" + name(c) + "-s"
                                    + Math.round(t * 100), "real outputs: " + model.getFileName() + " on "
                                    + photo.getFileName(), "ONNX Runtime's raw outputs at " + w + "x" + h
                                    + ", score threshold " + t, c, t, 0.45f, 400, 0, MaxNumSelector.Metric.DEFAULT,
                                    lb[0], outputs));
                        }
                    }
                }
                log.println("real cases: " + model.getFileName() + " (" + w + "x" + h + ") on " + photos.size() + " photos");
            }
        }
        return suite.entries().size() - before;
    }

    private static List<Tensor> copy(List<Tensor> outputs) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : outputs) {
            out.add(new Tensor(t.name(), t.shape(), t.data().clone()));
        }
        return out;
    }

    private static String name(Convention c) {
        return c == Convention.LITE_AI_TOOLKIT ? "lite" : "insightface";
    }

    private static String stem(Path p) {
        String f = p.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return (dot > 0 ? f.substring(0, dot) : f).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String ext(Path p) {
        String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return f.substring(f.lastIndexOf('.'));
    }

    private static List<Path> list(Path dir, String regex) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(regex)).sorted()
                    .collect(Collectors.toList());
        }
    }
}
