package io.github.scrfd4j.network;

import java.util.List;

/** Element-wise ReLU or sigmoid. */
final class UnaryLayer extends Layer {
    enum Op {
        RELU, SIGMOID;

        float apply(float x) {
            return this == RELU ? Math.max(x, 0f) : (float) (1.0 / (1.0 + Math.exp(-x)));
        }
    }

    private final Op op;
    private final Storage in;
    private final Storage out;

    UnaryLayer(Op op, Storage in, Storage out) {
        super(op == Op.RELU ? "Relu" : "Sigmoid", List.of(in), List.of(out));
        this.op = op;
        this.in = in;
        this.out = out;
    }

    static void apply(Op op, float[] src, float[] dst, int n) {
        if (op == Op.RELU) {
            for (int i = 0; i < n; i++) {
                dst[i] = Math.max(src[i], 0f);
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = (float) (1.0 / (1.0 + Math.exp(-src[i])));
            }
        }
    }

    @Override
    Storage inPlaceInput() {
        return in;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        apply(op, buf[in.slot], buf[out.slot], out.size);
    }
}
