package io.github.scrfd4j.network;

/**
 * A runtime buffer as the planner sees it: how many floats it holds, and after allocation which slot
 * of a session's arrays it lives in. Values that alias (a reshape, a fused activation) share one.
 */
final class Storage {
    final int size;
    /** The model input or an output: an array of its own, never shared with another storage. */
    boolean dedicated;
    int slot = -1;
    int firstWrite = Integer.MAX_VALUE;
    int lastUse = -1;

    Storage(int size) {
        this.size = size;
    }
}
