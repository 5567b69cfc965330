package io.github.scrfd4j.detect;

import java.util.Objects;

/**
 * One detected face: box and landmarks in original-image pixels, and the model's score. Equality is
 * exact (no tolerance); use {@link FaceComparison} to compare within tolerances.
 *
 * @param landmarks the 5 points, or null for models without landmarks
 */
public record Face(Box box, float score, Landmarks landmarks) {
    public Face {
        Objects.requireNonNull(box, "box");
    }

    public boolean hasLandmarks() {
        return landmarks != null;
    }
}
