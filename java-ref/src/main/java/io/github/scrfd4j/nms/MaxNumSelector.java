package io.github.scrfd4j.nms;

import io.github.scrfd4j.detect.Face;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * InsightFace's {@code max_num} step of {@code SCRFD.detect}: when more than {@code maxNum} faces
 * remain, keep the {@code maxNum} with the largest value of {@code area} ({@link Metric#MAX}) or
 * {@code area - 2 * squared distance of the box centre from the image centre} ({@link Metric#DEFAULT}),
 * with {@code area = (x2 - x1) * (y2 - y1)} (no +1) and the centre {@code (w / 2, h / 2)} in integer
 * division, all in float32 as numpy computes it.
 */
public final class MaxNumSelector {
    /** InsightFace's {@code metric} argument. */
    public enum Metric { DEFAULT, MAX }

    private MaxNumSelector() {
    }

    /** Returns the selected faces in descending value order (ties: the earlier face first). */
    public static List<Face> select(List<Face> faces, int maxNum, Metric metric, int imageWidth, int imageHeight) {
        if (maxNum <= 0 || faces.size() <= maxNum) {
            return faces;
        }
        float cx = imageWidth / 2;
        float cy = imageHeight / 2;
        int n = faces.size();
        float[] value = new float[n];
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            Face f = faces.get(i);
            float area = (f.box().x2() - f.box().x1()) * (f.box().y2() - f.box().y1());
            float ox = (f.box().x1() + f.box().x2()) / 2f - cx;
            float oy = (f.box().y1() + f.box().y2()) / 2f - cy;
            float dist = ox * ox + oy * oy;
            value[i] = metric == Metric.MAX ? area : area - dist * 2f;
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -value[i]));
        List<Face> out = new ArrayList<>(maxNum);
        for (int k = 0; k < maxNum; k++) {
            out.add(faces.get(idx[k]));
        }
        return out;
    }
}
