package io.github.scrfd4j.vector;

/**
 * How decoded network-input coordinates map to the original image.
 *
 * @param lite   true: lite.ai.toolkit ({@code ((a +- d) * s - pad) / scale}, clamped to the image with
 *               C++ {@code std::max/std::min} semantics, anchors in grid units); false: InsightFace
 *               ({@code (a * s +- d * s) / scale}, not clamped)
 * @param padX   {@code dw} (0 for InsightFace)
 * @param padY   {@code dh} (0 for InsightFace)
 * @param scale  the letterbox scale (r, or det_scale as float)
 * @param imageW original image width, the clamp limit for x
 * @param imageH original image height, the clamp limit for y
 */
public record DecodeMapping(boolean lite, float padX, float padY, float scale, float imageW, float imageH) {
}
