package io.github.scrfd4j.nms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scrfd4j.decode.Candidates;
import io.github.scrfd4j.vector.Kernels;
import io.github.scrfd4j.vector.KernelsProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HardNms} (sorted columns, compaction of suppressed boxes, Vector or scalar scans) against the
 * plainest NMS there is, written here from lite.ai.toolkit's and InsightFace's loops: a stable sort by
 * score, then keep/suppress over the whole list, no compaction. Many clustered boxes, so that most are
 * suppressed and compaction runs many times; each candidate carries its id in its landmarks, so a
 * sort that moved boxes without their landmarks (or the reverse) fails too.
 */
class HardNmsAgainstNaiveTest {
    /** lite.ai.toolkit's IoU (FLT_MIN when disjoint, "> thr") or InsightFace's ("<= thr" survives). */
    static boolean overlaps(boolean lite, float thr, float[] a, float[] b) {
        float areaA = (a[2] - a[0] + 1f) * (a[3] - a[1] + 1f);
        float areaB = (b[2] - b[0] + 1f) * (b[3] - b[1] + 1f);
        float w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1f;
        float h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1f;
        if (lite) {
            areaA = Math.abs(areaA);
            areaB = Math.abs(areaB);
            float iou = (w <= 0f || h <= 0f) ? Float.MIN_NORMAL : w * h / (areaA + areaB - w * h);
            return iou > thr;
        }
        float inter = Math.max(0f, w) * Math.max(0f, h);
        return !(inter / (areaA + areaB - inter) <= thr);
    }

    /** Ids of the kept boxes, best first. box = {x1, y1, x2, y2, score}. */
    static int[] naive(float[][] boxes, boolean lite, float thr, int topK) {
        Integer[] order = new Integer[boxes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -boxes[i][4])); // stable
        boolean[] removed = new boolean[boxes.length];
        List<Integer> kept = new ArrayList<>();
        for (int a = 0; a < order.length && kept.size() < topK; a++) {
            if (removed[a]) {
                continue;
            }
            kept.add(order[a]);
            for (int b = a + 1; b < order.length; b++) {
                if (!removed[b] && overlaps(lite, thr, boxes[order[a]], boxes[order[b]])) {
                    removed[b] = true;
                }
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    static float[][] clustered(Random rnd, int n, int clusters) {
        float[][] centres = new float[clusters][];
        for (int k = 0; k < clusters; k++) {
            centres[k] = new float[] {rnd.nextFloat() * 600, rnd.nextFloat() * 600, 10 + rnd.nextFloat() * 90};
        }
        float[][] boxes = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] c = centres[rnd.nextInt(clusters)];
            float s = c[2] * (0.8f + 0.4f * rnd.nextFloat());
            float x = c[0] + (rnd.nextFloat() - 0.5f) * s * 0.4f;
            float y = c[1] + (rnd.nextFloat() - 0.5f) * s * 0.4f;
            // scores on a coarse grid: many ties, whose order must be the input order
            float score = Math.round(rnd.nextFloat() * 40) / 40f;
            boxes[i] = new float[] {x, y, x + s, y + s * 1.2f, score};
        }
        return boxes;
    }

    private static void check(Kernels kernels, float[][] boxes, boolean lite, float thr, int topK, String what) {
        Candidates c = new Candidates();
        for (int i = 0; i < boxes.length; i++) {
            float[] b = boxes[i];
            float[] kps = new float[10];
            Arrays.fill(kps, i); // the id, in every landmark value
            kps[9] = -i;
            c.append(b[4], b[0], b[1], b[2], b[3], kps);
        }
        HardNms nms = new HardNms(kernels);
        int n = nms.run(c, lite, thr, topK);
        int[] got = new int[n];
        for (int k = 0; k < n; k++) {
            int at = nms.kept()[k];
            int id = Math.round(c.landmark(at, 0));
            assertEquals(-id, Math.round(c.landmark(at, 9)), what);
            float[] b = boxes[id];
            assertArrayEquals(new float[] {b[0], b[1], b[2], b[3], b[4]},
                    new float[] {c.x1(at), c.y1(at), c.x2(at), c.y2(at), c.score(at)}, what + ": box " + id + " moved without its landmarks");
            got[k] = id;
        }
        assertArrayEquals(naive(boxes, lite, thr, topK), got, what);
    }

    @Test
    void sameBoxesAsTheNaiveLoopOnManyClusteredBoxes() {
        List<Kernels> kernels = new ArrayList<>(List.of(KernelsProvider.scalar()));
        if (KernelsProvider.vectorModulePresent()) {
            kernels.add(KernelsProvider.vector());
        }
        Random rnd = new Random(20261203);
        int cases = 0;
        for (int n : new int[] {1, 2, 37, 300, 2500}) {
            for (int clusters : new int[] {1, 7, 60}) {
                float[][] boxes = clustered(rnd, n, clusters);
                for (boolean lite : new boolean[] {true, false}) {
                    for (float thr : new float[] {0f, 0.3f, 0.45f, 0.7f}) {
                        for (int topK : new int[] {1, 3, 400, Integer.MAX_VALUE}) {
                            for (Kernels k : kernels) {
                                check(k, boxes, lite, thr, topK, k.name() + " n=" + n + " clusters=" + clusters
                                        + " lite=" + lite + " thr=" + thr + " topK=" + topK);
                                cases++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(5 * 3 * 2 * 4 * 4 * kernels.size(), cases);
    }

    @Test
    void reusedInstanceAndGrowingInputsGiveTheSameAnswers() {
        HardNms nms = new HardNms(KernelsProvider.get());
        Random rnd = new Random(7);
        for (int n : new int[] {500, 20, 3000, 5}) {
            float[][] boxes = clustered(rnd, n, 9);
            Candidates c = new Candidates();
            for (float[] b : boxes) {
                c.append(b[4], b[0], b[1], b[2], b[3], null);
            }
            int kept = nms.run(c, true, 0.45f, 400);
            assertEquals(naive(boxes, true, 0.45f, 400).length, kept, "n=" + n);
        }
    }
}
