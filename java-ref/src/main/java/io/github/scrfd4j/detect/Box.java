package io.github.scrfd4j.detect;

/** An axis-aligned box in original-image pixels, corners {@code (x1, y1)} and {@code (x2, y2)}. */
public record Box(float x1, float y1, float x2, float y2) {
    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    /** Plain intersection over union (no +1 pixel), for comparing results. */
    public double iou(Box o) {
        double iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
        double ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (double) width() * height() + (double) o.width() * o.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
