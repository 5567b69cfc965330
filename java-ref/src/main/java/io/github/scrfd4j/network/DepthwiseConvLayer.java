package io.github.scrfd4j.network;

import io.github.scrfd4j.vector.ConvKernels;
import java.util.List;

/** A convolution with one input and one output channel per group, computed directly, one channel per task. */
final class DepthwiseConvLayer extends Layer {
    private final ConvKernels kernels;
    private final Storage in;
    private final Storage out;
    private final ConvGeometry g;
    private final float[] weights;
    private final float[] bias;
    private final boolean relu;

    DepthwiseConvLayer(ConvKernels kernels, Storage in, Storage out, ConvGeometry g, float[] weights, float[] bias,
                       boolean relu) {
        super("Conv " + g.kh() + "x" + g.kw() + " depthwise" + (g.sh() > 1 ? " s" + g.sh() : ""), List.of(in), List.of(out));
        this.kernels = kernels;
        this.in = in;
        this.out = out;
        this.g = g;
        this.weights = weights;
        this.bias = bias;
        this.relu = relu;
    }

    @Override
    long work() {
        return (long) g.outChannels() * g.kh() * g.kw() * g.oh() * g.ow();
    }

    @Override
    void run(float[][] buf, Workers workers) {
        float[] src = buf[in.slot];
        float[] dst = buf[out.slot];
        int plane = g.h() * g.w();
        int oplane = g.oh() * g.ow();
        int taps = g.kh() * g.kw();
        workers.forEach(g.outChannels(), (c, worker) -> kernels.depthwise(src, c * plane, g.h(), g.w(), weights,
                c * taps, g.kh(), g.kw(), g.sh(), g.sw(), g.pt(), g.pl(), g.dh(), g.dw(), bias == null ? 0f : bias[c],
                dst, c * oplane, g.oh(), g.ow(), relu ? 0f : Float.NEGATIVE_INFINITY));
    }
}
