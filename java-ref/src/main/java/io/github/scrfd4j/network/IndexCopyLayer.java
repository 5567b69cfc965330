package io.github.scrfd4j.network;

import java.util.List;

/**
 * {@code dst[i] = src[map[i]]}: how transposes, slices and gathers of runtime data run. The map is
 * the same operation applied at load to the element indices, so these share one implementation with
 * the constant folding.
 */
final class IndexCopyLayer extends Layer {
    private final Storage in;
    private final Storage out;
    private final int[] map;

    IndexCopyLayer(String kind, Storage in, Storage out, int[] map) {
        super(kind, List.of(in), List.of(out));
        this.in = in;
        this.out = out;
        this.map = map;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        float[] src = buf[in.slot];
        float[] dst = buf[out.slot];
        for (int i = 0; i < map.length; i++) {
            dst[i] = src[map[i]];
        }
    }
}
