package io.github.scrfd4j.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Element-wise {@code Add} or {@code Mul} with numpy broadcasting. Equal shapes and a one-element
 * operand take straight loops; other broadcasts read through index maps made at load.
 */
final class BinaryLayer extends Layer {
    enum Op {
        ADD, MUL;

        float apply(float a, float b) {
            return this == ADD ? a + b : a * b;
        }
    }

    private final Op op;
    private final Operand a;
    private final Operand b;
    private final Storage out;
    private final int[] mapA;
    private final int[] mapB;
    private final boolean scalarA;
    private final boolean scalarB;

    BinaryLayer(Op op, Value va, Value vb, Storage out, int[] shape) {
        super(op == Op.ADD ? "Add" : "Mul", reads(va, vb), List.of(out));
        this.op = op;
        this.a = Operand.of(va);
        this.b = Operand.of(vb);
        this.out = out;
        int n = Shapes.size(shape);
        this.scalarA = va.size() == 1 && n != 1;
        this.scalarB = vb.size() == 1 && n != 1;
        this.mapA = va.size() == n || scalarA ? null : Shapes.broadcastMap(va.shape, shape);
        this.mapB = vb.size() == n || scalarB ? null : Shapes.broadcastMap(vb.shape, shape);
    }

    private static List<Storage> reads(Value va, Value vb) {
        List<Storage> r = new ArrayList<>(2);
        if (!va.isConstant()) {
            r.add(va.storage);
        }
        if (!vb.isConstant()) {
            r.add(vb.storage);
        }
        return r;
    }

    /** The first operand when it has the output's size and is read at the same index (no map). */
    @Override
    Storage inPlaceInput() {
        if (a.storage != null && mapA == null && !scalarA && a.storage.size == out.size) {
            return a.storage;
        }
        if (b.storage != null && mapB == null && !scalarB && b.storage.size == out.size) {
            return b.storage;
        }
        return null;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        compute(op, a.data(buf), mapA, scalarA, b.data(buf), mapB, scalarB, buf[out.slot], out.size);
    }

    /**
     * {@code dst[i] = op(x[mx[i]], y[my[i]])}; without a map an operand is read at {@code i}, or at 0
     * when it is {@code scalar}.
     */
    static void compute(Op op, float[] x, int[] mx, boolean sx, float[] y, int[] my, boolean sy, float[] dst, int n) {
        if (mx == null && my == null && !sx && !sy) {
            if (op == Op.ADD) {
                for (int i = 0; i < n; i++) {
                    dst[i] = x[i] + y[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    dst[i] = x[i] * y[i];
                }
            }
            return;
        }
        if (mx == null && !sx && sy) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                dst[i] = op.apply(x[i], s);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            float u = mx != null ? x[mx[i]] : sx ? x[0] : x[i];
            float v = my != null ? y[my[i]] : sy ? y[0] : y[i];
            dst[i] = op.apply(u, v);
        }
    }
}
