package io.github.scrfd4j.network;

import java.util.List;

/**
 * One step of a compiled network: reads some storages, writes others. Layers are immutable and
 * shared by every session of a plan; what varies per session is the arrays they are given.
 */
abstract class Layer {
    final String kind;
    final List<Storage> reads;
    final List<Storage> writes;

    Layer(String kind, List<Storage> reads, List<Storage> writes) {
        this.kind = kind;
        this.reads = reads;
        this.writes = writes;
    }

    /** Multiply-adds (or comparable element operations) per run, for the per-operator breakdown. */
    long work() {
        long n = 0;
        for (Storage s : writes) {
            n += s.size;
        }
        return n;
    }

    /**
     * An input this layer may overwrite with its output (element-wise layers read index i before
     * writing it), or null: the allocator gives the output that input's array when the input is not
     * read later.
     */
    Storage inPlaceInput() {
        return null;
    }

    /** Floats of per-worker scratch space this layer needs. */
    int scratch() {
        return 0;
    }

    abstract void run(float[][] buf, Workers workers);
}
