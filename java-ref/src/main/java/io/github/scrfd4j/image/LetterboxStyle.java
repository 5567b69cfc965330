package io.github.scrfd4j.image;

/** Where the resized image sits in the network input, and how its scale is computed. */
public enum LetterboxStyle {
    /**
     * lite.ai.toolkit's {@code resize_unscale}, in float: {@code r = min(W / (float) w, H / (float) h)},
     * resized size {@code nw = (int) (w * r)}, {@code nh = (int) (h * r)}, offsets
     * {@code dw = (W - nw) / 2}, {@code dh = (H - nh) / 2} (integer division), zero padding around.
     * A point maps back as {@code x = (xi - dw) / r}.
     */
    CENTERED,
    /**
     * InsightFace {@code scrfd.py}: if {@code h / w > H / W} then {@code nh = H}, {@code nw = int(nh / (h / w))},
     * else {@code nw = W}, {@code nh = int(nw * (h / w))} (double arithmetic, truncation); the image is
     * placed at (0, 0) with zero padding right and bottom; {@code det_scale = nh / h}. A point maps back
     * as {@code x = xi / (float) det_scale}.
     */
    TOP_LEFT
}
