package io.github.scrfd4j.network;

import java.util.ArrayList;
import java.util.List;

/** {@code Concat} of runtime or constant tensors along one axis: block copies. */
final class ConcatLayer extends Layer {
    private final Operand[] parts;
    private final int[] blocks;
    private final int outer;
    private final Storage out;

    ConcatLayer(List<Value> inputs, int axis, Storage out) {
        super("Concat", reads(inputs), List.of(out));
        this.parts = new Operand[inputs.size()];
        this.blocks = new int[inputs.size()];
        int o = 1;
        for (int d = 0; d < axis; d++) {
            o *= inputs.get(0).shape[d];
        }
        this.outer = o;
        for (int i = 0; i < parts.length; i++) {
            Value v = inputs.get(i);
            parts[i] = Operand.of(v);
            blocks[i] = o == 0 ? 0 : v.size() / o;
        }
        this.out = out;
    }

    private static List<Storage> reads(List<Value> inputs) {
        List<Storage> r = new ArrayList<>();
        for (Value v : inputs) {
            if (!v.isConstant() && !r.contains(v.storage)) {
                r.add(v.storage);
            }
        }
        return r;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        float[] dst = buf[out.slot];
        int d = 0;
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < parts.length; i++) {
                System.arraycopy(parts[i].data(buf), o * blocks[i], dst, d, blocks[i]);
                d += blocks[i];
            }
        }
    }
}
