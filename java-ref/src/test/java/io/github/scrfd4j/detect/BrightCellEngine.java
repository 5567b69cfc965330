package io.github.scrfd4j.detect;

import io.github.scrfd4j.anchors.StridePlan;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A pure-Java stand-in for a network whose answer depends on the picture: at stride 8, an anchor's
 * score is the mean of channel 0 of the input over its 8x8 cell (mapped from [-1, 1] to [0, 1]),
 * with a box reaching one cell each way; strides 16 and 32 score nothing. A bright square on a dark
 * image therefore comes out as faces where the square is, so mixing up images changes the answer.
 */
public final class BrightCellEngine implements Engine {
    private final int side;

    public BrightCellEngine(int side) {
        this.side = side;
    }

    @Override
    public String name() {
        return "bright-cell test engine";
    }

    @Override
    public InputSpec input() {
        return new InputSpec("input", side, side);
    }

    @Override
    public List<TensorInfo> outputs() {
        List<TensorInfo> out = new ArrayList<>();
        for (Tensor t : run(new float[3 * side * side])) {
            out.add(t.info());
        }
        return out;
    }

    @Override
    public EngineSession openSession() {
        float[] input = new float[3 * side * side];
        return new EngineSession() {
            @Override
            public FloatBuffer inputBuffer(int width, int height) {
                return FloatBuffer.wrap(input);
            }

            @Override
            public List<Tensor> run(int width, int height) {
                return BrightCellEngine.this.run(input);
            }

            @Override
            public void close() {
            }
        };
    }

    private List<Tensor> run(float[] input) {
        StridePlan plan = StridePlan.THREE_STRIDES;
        List<Tensor> scores = new ArrayList<>();
        List<Tensor> boxes = new ArrayList<>();
        for (int l = 0; l < plan.levels(); l++) {
            int stride = plan.stride(l);
            int cells = side / stride;
            int n = cells * cells * 2;
            float[] s = new float[n];
            float[] b = new float[4 * n];
            java.util.Arrays.fill(b, 1f);
            if (stride == 8) {
                for (int cy = 0; cy < cells; cy++) {
                    for (int cx = 0; cx < cells; cx++) {
                        double sum = 0;
                        for (int y = cy * 8; y < cy * 8 + 8; y++) {
                            for (int x = cx * 8; x < cx * 8 + 8; x++) {
                                sum += input[y * side + x];
                            }
                        }
                        float score = (float) ((sum / 64 + 1) / 2);
                        s[2 * (cy * cells + cx)] = score;
                        s[2 * (cy * cells + cx) + 1] = score * 0.5f;
                    }
                }
            }
            scores.add(new Tensor("score_" + stride, new long[] {1, n, 1}, s));
            boxes.add(new Tensor("bbox_" + stride, new long[] {1, n, 4}, b));
        }
        List<Tensor> out = new ArrayList<>(scores);
        out.addAll(boxes);
        return out;
    }

    @Override
    public void close() {
    }
}
