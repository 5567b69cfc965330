package io.github.scrfd4j.network;

import java.util.List;

/** Nearest-neighbour resize of the two last axes, through row and column index maps made at load. */
final class ResizeNearestLayer extends Layer {
    private final Storage in;
    private final Storage out;
    private final int planes;
    private final int h;
    private final int w;
    private final int[] rows;
    private final int[] cols;

    ResizeNearestLayer(Storage in, Storage out, int planes, int h, int w, int[] rows, int[] cols) {
        super("Resize", List.of(in), List.of(out));
        this.in = in;
        this.out = out;
        this.planes = planes;
        this.h = h;
        this.w = w;
        this.rows = rows;
        this.cols = cols;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        float[] src = buf[in.slot];
        float[] dst = buf[out.slot];
        int oh = rows.length;
        int ow = cols.length;
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int y = 0; y < oh; y++) {
                int r = base + rows[y] * w;
                for (int x = 0; x < ow; x++) {
                    dst[o++] = src[r + cols[x]];
                }
            }
        }
    }
}
