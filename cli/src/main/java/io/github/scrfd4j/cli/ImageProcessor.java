package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes, detects and (optionally) annotates one image, turning every failure into an
 * {@link ImageResult} error so that one bad file never stops the batch.
 */
final class ImageProcessor {
    private final Detector detector;
    private final Annotator annotator;
    private final PrintWriter err;
    private final boolean verbose;

    private final long maxPixels;

    /** @param annotator null when no annotated copies are wanted */
    ImageProcessor(Detector detector, Annotator annotator, PrintWriter err, boolean verbose, long maxPixels) {
        this.maxPixels = maxPixels;
        this.detector = detector;
        this.annotator = annotator;
        this.err = err;
        this.verbose = verbose;
    }

    ImageResult process(Path path) {
        long t0 = System.nanoTime();
        BgrImage image;
        List<Face> faces;
        try {
            image = ImageDecoder.read(path, maxPixels);
            faces = detector.detect(image);
        } catch (RuntimeException e) {
            trace(e);
            return ImageResult.failed(path, ErrorReporter.message(e));
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        String error = null;
        if (annotator != null) {
            try {
                annotator.write(path, image, faces);
            } catch (IOException | RuntimeException e) {
                trace(e);
                error = "cannot write annotated copy: " + ErrorReporter.message(e);
            }
        }
        return new ImageResult(path, image.width(), image.height(), faces, millis, error);
    }

    private void trace(Exception e) {
        if (verbose) {
            e.printStackTrace(err);
            err.flush();
        }
    }
}
