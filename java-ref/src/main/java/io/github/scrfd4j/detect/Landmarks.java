package io.github.scrfd4j.detect;

import java.util.Arrays;

/**
 * The 5 SCRFD landmarks in original-image pixels: left eye, right eye, nose, left and right mouth
 * corner (as the model was trained). Immutable.
 */
public final class Landmarks {
    /** Number of points. */
    public static final int POINTS = 5;
    private final float[] xy;

    /** From 10 values x0, y0, x1, y1, ... x4, y4 (copied). */
    public Landmarks(float[] xy) {
        if (xy.length != 2 * POINTS) {
            throw new IllegalArgumentException("expected 10 values, got " + xy.length);
        }
        this.xy = xy.clone();
    }

    public float x(int point) {
        return xy[2 * point];
    }

    public float y(int point) {
        return xy[2 * point + 1];
    }

    /** A copy of the 10 values. */
    public float[] toArray() {
        return xy.clone();
    }

    /** Largest Euclidean distance between corresponding points. */
    public double maxDistance(Landmarks o) {
        double m = 0;
        for (int p = 0; p < POINTS; p++) {
            m = Math.max(m, Math.hypot(x(p) - o.x(p), y(p) - o.y(p)));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Landmarks && Arrays.equals(xy, ((Landmarks) o).xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int p = 0; p < POINTS; p++) {
            sb.append(p == 0 ? "" : ", ").append('(').append(x(p)).append(", ").append(y(p)).append(')');
        }
        return sb.append(']').toString();
    }
}
