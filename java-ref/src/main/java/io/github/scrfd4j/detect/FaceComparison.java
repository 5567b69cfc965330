package io.github.scrfd4j.detect;

import java.util.List;
import java.util.Optional;

/**
 * Compares two face lists within tolerances and reports the first difference, so that tests and the
 * engine self-check say what differs rather than just "not equal".
 *
 * @param minIou              smallest acceptable IoU between corresponding boxes
 * @param maxScoreDelta       largest acceptable score difference
 * @param maxLandmarkDistance largest acceptable distance between corresponding landmarks, in pixels
 */
public record FaceComparison(double minIou, double maxScoreDelta, double maxLandmarkDistance) {
    /** Identical up to float noise from a different but exact implementation (1e-4 px). */
    public static final FaceComparison EXACT = new FaceComparison(0.99999, 1e-6, 1e-4);

    /**
     * Compares in order: face {@code i} of one list against face {@code i} of the other.
     *
     * @return empty when equivalent, else a description of the first difference
     */
    public Optional<String> firstDifferenceInOrder(List<Face> expected, List<Face> actual) {
        if (expected.size() != actual.size()) {
            return Optional.of("face count differs: expected " + expected.size() + ", got " + actual.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            Optional<String> d = difference(expected.get(i), actual.get(i));
            if (d.isPresent()) {
                return Optional.of("face " + i + ": " + d.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Compares ignoring order: each expected face is paired with the unused actual face of highest
     * IoU (engines may swap faces whose scores differ by float noise).
     */
    public Optional<String> firstDifferenceMatched(List<Face> expected, List<Face> actual) {
        if (expected.size() != actual.size()) {
            return Optional.of("face count differs: expected " + expected.size() + ", got " + actual.size());
        }
        boolean[] used = new boolean[actual.size()];
        for (int i = 0; i < expected.size(); i++) {
            int best = -1;
            double bestIou = -1;
            for (int j = 0; j < actual.size(); j++) {
                double iou = used[j] ? -1 : expected.get(i).box().iou(actual.get(j).box());
                if (iou > bestIou) {
                    bestIou = iou;
                    best = j;
                }
            }
            used[best] = true;
            Optional<String> d = difference(expected.get(i), actual.get(best));
            if (d.isPresent()) {
                return Optional.of("face " + i + " (matched to " + best + "): " + d.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> difference(Face e, Face a) {
        // identical boxes match even when degenerate (x2 < x1 happens after lite's clamping)
        double iou = e.box().equals(a.box()) ? 1.0 : e.box().iou(a.box());
        if (!(iou >= minIou)) {
            return Optional.of("IoU " + iou + " < " + minIou + " (expected " + e + ", got " + a + ")");
        }
        double ds = Math.abs(e.score() - a.score());
        if (!(ds <= maxScoreDelta)) {
            return Optional.of("score differs by " + ds + " > " + maxScoreDelta + " (expected " + e.score()
                    + ", got " + a.score() + ")");
        }
        if (e.hasLandmarks() != a.hasLandmarks()) {
            return Optional.of("one face has landmarks, the other not");
        }
        if (e.hasLandmarks()) {
            double d = e.landmarks().maxDistance(a.landmarks());
            if (!(d <= maxLandmarkDistance)) {
                return Optional.of("landmarks differ by " + d + " px > " + maxLandmarkDistance);
            }
        }
        return Optional.empty();
    }
}
