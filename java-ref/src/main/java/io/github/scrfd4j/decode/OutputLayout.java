package io.github.scrfd4j.decode;

import io.github.scrfd4j.anchors.StridePlan;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which engine output holds the scores, boxes and landmarks of which stride.
 *
 * <p>Inference, in order: (1) by name, when the outputs are called {@code score_8 .. kps_32} (or up
 * to {@code _128}); (2) by shape: a {@code [1, N, C]} or {@code [N, C]} tensor is a score for C = 1,
 * a box for C = 4, landmarks for C = 10, and its N names the stride ({@code (H/s) * (W/s) * A});
 * (3) when N is not known before running (dynamic models), by InsightFace's order: all scores, then
 * all boxes, then all landmarks, each by increasing stride. The output count picks the head:
 * 6 or 9 (three strides, 2 anchors) or 10 or 15 (five strides, 1 anchor).
 */
public final class OutputLayout {
    private final StridePlan plan;
    private final boolean landmarks;
    private final int[] score;
    private final int[] box;
    private final int[] kps;
    private final String how;

    private OutputLayout(StridePlan plan, boolean landmarks, int[] score, int[] box, int[] kps, String how) {
        this.plan = plan;
        this.landmarks = landmarks;
        this.score = score;
        this.box = box;
        this.kps = kps;
        this.how = how;
    }

    public StridePlan plan() {
        return plan;
    }

    public boolean hasLandmarks() {
        return landmarks;
    }

    /** "names", "shapes" or "order": how the mapping was found. */
    public String inferredBy() {
        return how;
    }

    /** Index into the output list of the score tensor of a level. */
    public int scoreIndex(int level) {
        return score[level];
    }

    public int boxIndex(int level) {
        return box[level];
    }

    /** Landmark tensor index, or -1 without landmarks. */
    public int landmarkIndex(int level) {
        return landmarks ? kps[level] : -1;
    }

    /** Works out the layout; {@code inputWidth/Height} are the network input size the shapes belong to. */
    public static OutputLayout infer(List<TensorInfo> outputs, int inputWidth, int inputHeight) {
        int n = outputs.size();
        StridePlan plan = StridePlan.forOutputCount(n);
        if (plan == null) {
            throw fail(outputs, "expected 6, 9, 10 or 15 outputs, found " + n);
        }
        boolean lm = n == 9 || n == 15;
        int levels = plan.levels();
        OutputLayout byName = byName(outputs, plan, lm);
        OutputLayout layout = byName != null ? byName : byShape(outputs, plan, lm, inputWidth, inputHeight);
        if (layout == null) {
            layout = byOrder(plan, lm);
        }
        layout.check(outputs, inputWidth, inputHeight, levels);
        return layout;
    }

    private static OutputLayout byName(List<TensorInfo> outputs, StridePlan plan, boolean lm) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            index.put(outputs.get(i).name(), i);
        }
        int levels = plan.levels();
        int[] s = new int[levels];
        int[] b = new int[levels];
        int[] k = lm ? new int[levels] : null;
        for (int l = 0; l < levels; l++) {
            int stride = plan.stride(l);
            Integer si = index.get("score_" + stride);
            Integer bi = index.get("bbox_" + stride);
            Integer ki = lm ? index.get("kps_" + stride) : Integer.valueOf(-1);
            if (si == null || bi == null || ki == null) {
                return null;
            }
            s[l] = si;
            b[l] = bi;
            if (lm) {
                k[l] = ki;
            }
        }
        return new OutputLayout(plan, lm, s, b, k, "names");
    }

    private static OutputLayout byShape(List<TensorInfo> outputs, StridePlan plan, boolean lm, int w, int h) {
        int levels = plan.levels();
        int[] s = filled(levels);
        int[] b = filled(levels);
        int[] k = lm ? filled(levels) : null;
        for (int i = 0; i < outputs.size(); i++) {
            long[] nc = rowsAndColumns(outputs.get(i));
            if (nc == null || nc[0] < 0 || nc[1] < 0) {
                return null;
            }
            int level = -1;
            for (int l = 0; l < levels; l++) {
                if (plan.anchorCount(l, w, h) == nc[0]) {
                    level = l;
                }
            }
            int[] target = nc[1] == 1 ? s : nc[1] == 4 ? b : nc[1] == 10 ? k : null;
            if (level < 0 || target == null || target[level] != -1) {
                return null;
            }
            target[level] = i;
        }
        return new OutputLayout(plan, lm, s, b, k, "shapes");
    }

    private static OutputLayout byOrder(StridePlan plan, boolean lm) {
        int levels = plan.levels();
        int[] s = new int[levels];
        int[] b = new int[levels];
        int[] k = lm ? new int[levels] : null;
        for (int l = 0; l < levels; l++) {
            s[l] = l;
            b[l] = levels + l;
            if (lm) {
                k[l] = 2 * levels + l;
            }
        }
        return new OutputLayout(plan, lm, s, b, k, "order");
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    /** {N, C} of a [1, N, C] or [N, C] tensor, or null for any other rank. */
    static long[] rowsAndColumns(TensorInfo t) {
        if (t.rank() == 3 && (t.dim(0) == 1 || t.dim(0) == -1)) {
            return new long[] {t.dim(1), t.dim(2)};
        }
        if (t.rank() == 2) {
            return new long[] {t.dim(0), t.dim(1)};
        }
        return null;
    }

    private void check(List<TensorInfo> outputs, int w, int h, int levels) {
        for (int l = 0; l < levels; l++) {
            long anchors = plan.anchorCount(l, w, h);
            expect(outputs, score[l], anchors, 1, "score", l);
            expect(outputs, box[l], anchors, 4, "box", l);
            if (landmarks) {
                expect(outputs, kps[l], anchors, 10, "landmark", l);
            }
        }
    }

    private void expect(List<TensorInfo> outputs, int index, long anchors, int cols, String what, int level) {
        long[] nc = rowsAndColumns(outputs.get(index));
        boolean ok = nc != null && (nc[0] == anchors || nc[0] < 0) && (nc[1] == cols || nc[1] < 0);
        if (!ok) {
            throw fail(outputs, "output " + outputs.get(index) + " (taken by " + how + " as the " + what
                    + " tensor of stride " + plan.stride(level) + ") should be [1, " + anchors + ", " + cols
                    + "] or [" + anchors + ", " + cols + "]");
        }
    }

    /** Checks a run's actual tensors against this layout (dynamic models only know N at run time). */
    public void checkRun(List<Tensor> outputs, int w, int h) {
        List<TensorInfo> infos = new ArrayList<>(outputs.size());
        for (Tensor t : outputs) {
            infos.add(t.info());
        }
        if (infos.size() != score.length * (landmarks ? 3 : 2)) {
            throw fail(infos, "the run returned " + infos.size() + " outputs");
        }
        check(infos, w, h, plan.levels());
    }

    private static OutputLayoutException fail(List<TensorInfo> outputs, String why) {
        return new OutputLayoutException("not an SCRFD output layout: " + why + "; outputs found: " + outputs
                + "; expected score/bbox[/kps] per stride, named score_8.. or shaped [1,N,C] / [N,C]"
                + " with C = 1, 4, 10");
    }

    @Override
    public String toString() {
        return "OutputLayout[" + plan + ", landmarks=" + landmarks + ", by " + how + "]";
    }
}
