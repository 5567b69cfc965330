package io.github.scrfd4j.detect;

import io.github.scrfd4j.anchors.AnchorGrid;
import io.github.scrfd4j.decode.BoxDecoder;
import io.github.scrfd4j.decode.Candidates;
import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.nms.HardNms;
import io.github.scrfd4j.vector.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw SCRFD outputs to faces: decode, NMS, top-k. One instance per thread (it reuses its buffers);
 * the only allocation per call is the result list.
 */
public final class PostProcessor {
    private final Convention convention;
    private final float scoreThreshold;
    private final float iouThreshold;
    private final int topK;
    private final BoxDecoder decoder;
    private final HardNms nms;
    private final Candidates candidates = new Candidates();

    public PostProcessor(Convention convention, float scoreThreshold, float iouThreshold, int topK, Kernels kernels) {
        if (topK <= 0) {
            throw new IllegalArgumentException("top-k must be positive, got " + topK);
        }
        if (Float.isNaN(scoreThreshold) || Float.isNaN(iouThreshold)) {
            throw new IllegalArgumentException("thresholds must not be NaN");
        }
        this.convention = convention;
        this.scoreThreshold = scoreThreshold;
        this.iouThreshold = iouThreshold;
        this.topK = topK;
        this.decoder = new BoxDecoder(kernels);
        this.nms = new HardNms(kernels);
    }

    /** Decodes {@code outputs} (laid out as {@code layout}) for an image letterboxed as {@code lb}. */
    public List<Face> process(List<Tensor> outputs, OutputLayout layout, LetterboxParams lb) {
        AnchorGrid grid = AnchorGrid.of(layout.plan(), lb.inputWidth(), lb.inputHeight());
        layout.checkRun(outputs, lb.inputWidth(), lb.inputHeight());
        decoder.decode(outputs, layout, grid, lb, convention, scoreThreshold, candidates);
        int kept = nms.run(candidates, convention == Convention.LITE_AI_TOOLKIT, iouThreshold, topK);
        int[] idx = nms.kept();
        List<Face> faces = new ArrayList<>(kept);
        float[] pts = new float[10];
        for (int k = 0; k < kept; k++) {
            int i = idx[k];
            Box box = new Box(candidates.x1(i), candidates.y1(i), candidates.x2(i), candidates.y2(i));
            Landmarks lm = null;
            if (layout.hasLandmarks()) {
                for (int j = 0; j < 10; j++) {
                    pts[j] = candidates.landmark(i, j);
                }
                lm = new Landmarks(pts);
            }
            faces.add(new Face(box, candidates.score(i), lm));
        }
        return faces;
    }

    /** Candidates of the last call (after NMS sorting), for diagnostics and benchmarks. */
    public int lastCandidateCount() {
        return candidates.size();
    }
}
