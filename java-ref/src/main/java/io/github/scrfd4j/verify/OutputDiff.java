package io.github.scrfd4j.verify;

/**
 * How one output tensor of an engine differs from the reference engine's on the same inputs.
 *
 * @param output    output name (score_8, bbox_16, ...)
 * @param kind      score, box or landmark
 * @param maxAbs    largest absolute difference over all inputs
 * @param meanAbs   mean absolute difference over all inputs
 * @param tolerance the largest acceptable {@code maxAbs}
 * @param worstInput the input where {@code maxAbs} occurred
 */
public record OutputDiff(String output, String kind, double maxAbs, double meanAbs, double tolerance,
                         String worstInput) {
    /** True when within tolerance (NaN differences never are). */
    public boolean ok() {
        return maxAbs <= tolerance;
    }
}
