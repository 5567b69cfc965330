package io.github.scrfd4j.network;

import java.util.List;

/**
 * A network compiled for one input size: its layers in order, the arrays a session needs (one per
 * slot, reused by tensors whose lifetimes do not overlap), and where the input and outputs live.
 */
final class Plan {
    /** An output of the graph: its name, shape and the slot that holds it after a run. */
    record Output(String name, int[] shape, int slot) {
    }

    final int width;
    final int height;
    final List<Layer> layers;
    final int[] slotSizes;
    final int inputSlot;
    final List<Output> outputs;
    final int scratch;

    Plan(int width, int height, List<Layer> layers, int[] slotSizes, int inputSlot, List<Output> outputs, int scratch) {
        this.width = width;
        this.height = height;
        this.layers = layers;
        this.slotSizes = slotSizes;
        this.inputSlot = inputSlot;
        this.outputs = outputs;
        this.scratch = scratch;
    }

    /** Floats a session holds for this plan, scratch excluded. */
    long activationFloats() {
        long n = 0;
        for (int s : slotSizes) {
            n += s;
        }
        return n;
    }

    /** The largest single activation, in floats. */
    int largestActivation() {
        int m = 0;
        for (Layer l : layers) {
            for (Storage s : l.writes) {
                m = Math.max(m, s.size);
            }
        }
        return m;
    }
}
