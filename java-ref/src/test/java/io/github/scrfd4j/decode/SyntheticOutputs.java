package io.github.scrfd4j.decode;

import io.github.scrfd4j.anchors.StridePlan;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.util.ArrayList;
import java.util.List;

/** Builds named SCRFD-shaped output tensors ([1, N, C]) for a square input, filled by the caller. */
public final class SyntheticOutputs {
    public final int side;
    public final StridePlan plan;
    public final boolean kps;
    public final float[][] scores;
    public final float[][] boxes;
    public final float[][] landmarks;

    public SyntheticOutputs(StridePlan plan, int width, int height, boolean kps) {
        this.side = width;
        this.plan = plan;
        this.kps = kps;
        int levels = plan.levels();
        scores = new float[levels][];
        boxes = new float[levels][];
        landmarks = new float[levels][];
        for (int l = 0; l < levels; l++) {
            int n = plan.anchorCount(l, width, height);
            scores[l] = new float[n];
            boxes[l] = new float[4 * n];
            landmarks[l] = new float[10 * n];
        }
    }

    public SyntheticOutputs(int side, boolean kps) {
        this(StridePlan.THREE_STRIDES, side, side, kps);
    }

    public List<Tensor> tensors() {
        List<Tensor> out = new ArrayList<>();
        for (int l = 0; l < plan.levels(); l++) {
            int s = plan.stride(l);
            out.add(new Tensor("score_" + s, new long[] {1, scores[l].length, 1}, scores[l]));
        }
        for (int l = 0; l < plan.levels(); l++) {
            int s = plan.stride(l);
            out.add(new Tensor("bbox_" + s, new long[] {1, scores[l].length, 4}, boxes[l]));
        }
        if (kps) {
            for (int l = 0; l < plan.levels(); l++) {
                int s = plan.stride(l);
                out.add(new Tensor("kps_" + s, new long[] {1, scores[l].length, 10}, landmarks[l]));
            }
        }
        return out;
    }

    public OutputLayout layout(int width, int height) {
        List<TensorInfo> infos = new ArrayList<>();
        for (Tensor t : tensors()) {
            infos.add(t.info());
        }
        return OutputLayout.infer(infos, width, height);
    }
}
