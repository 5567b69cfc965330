package io.github.scrfd4j.network;

import java.util.List;

/** Copies a constant, or another storage, into an output that needs an array of its own. */
final class FillLayer extends Layer {
    private final Operand src;
    private final Storage out;

    FillLayer(Value src, Storage out) {
        super("Copy", src.isConstant() ? List.of() : List.of(src.storage), List.of(out));
        this.src = Operand.of(src);
        this.out = out;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        System.arraycopy(src.data(buf), 0, buf[out.slot], 0, out.size);
    }
}
