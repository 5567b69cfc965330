package example;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.engine.ort.OrtEngine;
import java.nio.file.Path;
import java.util.List;

/** Prints the faces in one photo: {@code DetectFaces model.onnx photo.jpg}. */
public final class DetectFaces {
    private DetectFaces() {
    }

    /** The faces in {@code photo}, with lite.ai.toolkit's defaults (score 0.3, IoU 0.45, top-k 400). */
    public static List<Face> detect(Path model, Path photo) {
        try (Detector detector = new Detector(new OrtEngine(model, 1), DetectorOptions.DEFAULTS)) {
            return detector.detect(photo);
        }
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: DetectFaces model.onnx photo.jpg");
            System.exit(2);
        }
        for (Face f : detect(Path.of(args[0]), Path.of(args[1]))) {
            System.out.println(f.box() + " score " + f.score() + " landmarks " + f.landmarks());
        }
    }
}
