package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.Face;
import java.nio.file.Path;
import java.util.List;

/**
 * What happened to one input image.
 *
 * @param width  decoded width, 0 when the image could not be decoded
 * @param height decoded height, 0 when the image could not be decoded
 * @param faces  detections (empty when detection failed)
 * @param millis time to decode and detect
 * @param error  null on success, else why the image (or its annotated copy) failed
 */
record ImageResult(Path path, int width, int height, List<Face> faces, double millis, String error) {
    ImageResult {
        faces = List.copyOf(faces);
    }

    static ImageResult failed(Path path, String error) {
        return new ImageResult(path, 0, 0, List.of(), 0, error);
    }

    boolean ok() {
        return error == null;
    }

    boolean decoded() {
        return width > 0;
    }

    /** The line printed for this image. */
    String line() {
        return ok() ? String.format(java.util.Locale.ROOT, "%s: %d faces (%.0f ms)", path, faces.size(), millis)
                : path + ": error: " + error;
    }
}
