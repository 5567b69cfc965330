package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.detect.BatchDetector;
import io.github.scrfd4j.image.PhotoDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes, detects and (optionally) annotates images, turning every failure into an
 * {@link ImageResult} error so that one bad file never stops the batch: one at a time
 * ({@link #process}), or the outcome of a pipelined {@link BatchDetector} item ({@link #finish}).
 */
final class ImageProcessor {
    private final Detector detector;
    private final Annotator annotator;
    private final PrintWriter err;
    private final boolean verbose;

    private final long maxPixels;
    private final PhotoDecoder decoder;

    /** @param annotator null when no annotated copies are wanted */
    ImageProcessor(Detector detector, PhotoDecoder decoder, Annotator annotator, PrintWriter err, boolean verbose,
                   long maxPixels) {
        this.maxPixels = maxPixels;
        this.decoder = decoder;
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
            image = decoder.read(path, maxPixels);
            faces = detector.detect(image);
        } catch (RuntimeException e) {
            trace(e);
            return ImageResult.failed(path, ErrorReporter.message(e));
        }
        return annotate(path, image, faces, (System.nanoTime() - t0) / 1e6);
    }

    /** The result of a batch item: its error, or its faces with the annotated copy written. */
    ImageResult finish(BatchDetector.Item item) {
        if (!item.ok()) {
            trace(item.error());
            return ImageResult.failed(item.path(), ErrorReporter.message(item.error()));
        }
        double millis = item.prepareMillis() + item.detectMillis();
        if (annotator == null) {
            return new ImageResult(item.path(), item.width(), item.height(), item.faces(), millis, null);
        }
        return annotate(item.path(), item.image(), item.faces(), millis);
    }

    private ImageResult annotate(Path path, BgrImage image, List<Face> faces, double millis) {
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
