package io.github.scrfd4j.bench;

import java.util.Optional;

/** Fails a benchmark's set-up when the variants it compares disagree: no timing of wrong answers. */
final class Equivalence {
    private Equivalence() {
    }

    static void require(String what, Optional<String> difference) {
        if (difference.isPresent()) {
            throw new IllegalStateException("not equivalent, refusing to time: " + what + ": " + difference.get());
        }
    }

    static void requireClose(String what, float[] expected, float[] actual, float tolerance) {
        if (expected.length != actual.length) {
            throw new IllegalStateException("not equivalent: " + what + ": lengths " + expected.length + " vs "
                    + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                throw new IllegalStateException("not equivalent, refusing to time: " + what + ": element " + i + " is "
                        + actual[i] + ", expected " + expected[i] + " (tolerance " + tolerance + ")");
            }
        }
    }
}
