package io.github.scrfd4j.network;

/** An input of an element-wise layer: a constant array, or a storage read at run time. */
final class Operand {
    final float[] constant;
    final Storage storage;

    private Operand(float[] constant, Storage storage) {
        this.constant = constant;
        this.storage = storage;
    }

    static Operand of(Value v) {
        return v.isConstant() ? new Operand(v.floatData(), null) : new Operand(null, v.storage);
    }

    float[] data(float[][] buf) {
        return constant != null ? constant : buf[storage.slot];
    }
}
