package io.github.scrfd4j.network;

import io.github.scrfd4j.onnx.OnnxFormatException;

/** ONNX {@code Resize}'s nearest-neighbour source index per output index of one axis. */
final class ResizeIndex {
    private ResizeIndex() {
    }

    static int[] map(int in, int out, float scale, String ctm, String nearest, String who) {
        int[] idx = new int[out];
        for (int o = 0; o < out; o++) {
            float x;
            switch (ctm) {
                case "asymmetric":
                    x = o / scale;
                    break;
                case "half_pixel":
                    x = (o + 0.5f) / scale - 0.5f;
                    break;
                case "pytorch_half_pixel":
                    x = out > 1 ? (o + 0.5f) / scale - 0.5f : 0f;
                    break;
                case "tf_half_pixel_for_nearest":
                    x = (o + 0.5f) / scale;
                    break;
                case "align_corners":
                    x = out == 1 ? 0f : o * (float) (in - 1) / (out - 1);
                    break;
                default:
                    throw new OnnxFormatException(who + ": coordinate_transformation_mode '" + ctm + "' is not supported");
            }
            int i;
            switch (nearest) {
                case "floor":
                    i = (int) Math.floor(x);
                    break;
                case "ceil":
                    i = (int) Math.ceil(x);
                    break;
                case "round_prefer_floor":
                    i = x == (int) x + 0.5f ? (int) Math.floor(x) : Math.round(x);
                    break;
                case "round_prefer_ceil":
                    i = Math.round(x);
                    break;
                default:
                    throw new OnnxFormatException(who + ": nearest_mode '" + nearest + "' is not supported");
            }
            idx[o] = Math.max(0, Math.min(in - 1, i));
        }
        return idx;
    }
}
