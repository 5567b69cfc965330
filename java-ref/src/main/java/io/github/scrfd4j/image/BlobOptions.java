package io.github.scrfd4j.image;

/**
 * How pixels become network input: {@code (x - mean) * scale}, channels in RGB order when
 * {@code swapRB} (SCRFD's training convention) else BGR.
 */
public record BlobOptions(float mean, float scale, boolean swapRB) {
    /** SCRFD: mean 127.5, scale 1/128, RGB, as lite.ai.toolkit and InsightFace use. */
    public static final BlobOptions SCRFD = new BlobOptions(127.5f, 1f / 128f, true);
}
