package io.github.scrfd4j.network;

import java.util.List;

/**
 * {@code InstanceNormalization}: per channel, {@code y = scale * (x - mean) / sqrt(var + epsilon) + bias}
 * over the spatial elements (mean and variance accumulated in double).
 */
final class InstanceNormLayer extends Layer {
    private final Storage in;
    private final Storage out;
    private final int channels;
    private final int spatial;
    private final float[] scale;
    private final float[] bias;
    private final float epsilon;

    InstanceNormLayer(Storage in, Storage out, int channels, int spatial, float[] scale, float[] bias, float epsilon) {
        super("InstanceNormalization", List.of(in), List.of(out));
        this.in = in;
        this.out = out;
        this.channels = channels;
        this.spatial = spatial;
        this.scale = scale;
        this.bias = bias;
        this.epsilon = epsilon;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        float[] src = buf[in.slot];
        float[] dst = buf[out.slot];
        workers.forEach(channels, (c, worker) -> {
            int base = c * spatial;
            double sum = 0;
            for (int i = 0; i < spatial; i++) {
                sum += src[base + i];
            }
            double mean = sum / spatial;
            double sq = 0;
            for (int i = 0; i < spatial; i++) {
                double d = src[base + i] - mean;
                sq += d * d;
            }
            double inv = 1.0 / Math.sqrt(sq / spatial + epsilon);
            double a = scale[c] * inv;
            double b = bias[c];
            for (int i = 0; i < spatial; i++) {
                dst[base + i] = (float) ((src[base + i] - mean) * a + b);
            }
        });
    }
}
