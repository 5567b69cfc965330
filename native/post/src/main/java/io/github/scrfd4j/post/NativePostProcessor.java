package io.github.scrfd4j.post;

import io.github.scrfd4j.anchors.StridePlan;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Box;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.Landmarks;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.image.LetterboxStyle;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Our C++ post-processing behind a Java face: the same faces as java-ref's
 * {@code PostProcessor(Convention.LITE_AI_TOOLKIT, ...)} on the same outputs. Owns native buffers:
 * close it; not thread-safe (one per thread).
 */
public final class NativePostProcessor implements AutoCloseable {
    private final float scoreThreshold;
    private final float iouThreshold;
    private final int topK;
    private final FloatPointer out;
    private final FloatPointer[] staged = new FloatPointer[15];
    private final PointerPointer<FloatPointer> scores = new PointerPointer<>(5);
    private final PointerPointer<FloatPointer> boxes = new PointerPointer<>(5);
    private final PointerPointer<FloatPointer> kps = new PointerPointer<>(5);
    private final IntPointer strides = new IntPointer(5);
    private boolean closed;

    public NativePostProcessor(float scoreThreshold, float iouThreshold, int topK) {
        if (topK <= 0) {
            throw new IllegalArgumentException("top-k must be positive, got " + topK);
        }
        this.scoreThreshold = scoreThreshold;
        this.iouThreshold = iouThreshold;
        this.topK = topK;
        this.out = new FloatPointer((long) topK * ScrfdPost.FACE_FLOATS);
    }

    /**
     * Copies the outputs into native memory (reusing buffers) and post-processes them. Only the
     * centred letterbox of {@code LITE_AI_TOOLKIT} is supported.
     */
    public List<Face> process(List<Tensor> outputs, OutputLayout layout, LetterboxParams lb) {
        checkOpen();
        StridePlan plan = layout.plan();
        for (int l = 0; l < plan.levels(); l++) {
            scores.put(l, stage(l, outputs.get(layout.scoreIndex(l)).data()));
            boxes.put(l, stage(5 + l, outputs.get(layout.boxIndex(l)).data()));
            if (layout.hasLandmarks()) {
                kps.put(l, stage(10 + l, outputs.get(layout.landmarkIndex(l)).data()));
            }
        }
        return processStaged(plan, layout.hasLandmarks(), lb);
    }

    /**
     * Post-processes outputs already in native memory (as a native engine leaves them): level
     * {@code l}'s pointers in {@code scores}, {@code boxes} and, when non-null, {@code kps}.
     */
    public List<Face> process(PointerPointer<FloatPointer> scoresIn, PointerPointer<FloatPointer> boxesIn,
                              PointerPointer<FloatPointer> kpsIn, StridePlan plan, LetterboxParams lb) {
        checkOpen();
        for (int l = 0; l < plan.levels(); l++) {
            scores.put(l, scoresIn.get(FloatPointer.class, l));
            boxes.put(l, boxesIn.get(FloatPointer.class, l));
            if (kpsIn != null) {
                kps.put(l, kpsIn.get(FloatPointer.class, l));
            }
        }
        return processStaged(plan, kpsIn != null, lb);
    }

    private List<Face> processStaged(StridePlan plan, boolean landmarks, LetterboxParams lb) {
        if (lb.style() != LetterboxStyle.CENTERED) {
            throw new IllegalArgumentException("the native post-processor implements LITE_AI_TOOLKIT (centred letterbox)");
        }
        for (int l = 0; l < plan.levels(); l++) {
            strides.put(l, plan.stride(l));
        }
        int n = ScrfdPost.postprocess_lite(scores, boxes, landmarks ? kps : null, plan.levels(), strides,
                plan.anchorsPerCell(), lb.inputWidth(), lb.inputHeight(), scoreThreshold, iouThreshold, topK,
                lb.padLeft(), lb.padTop(), lb.scale(), lb.srcWidth(), lb.srcHeight(), out, topK);
        List<Face> faces = new ArrayList<>(n);
        float[] row = new float[ScrfdPost.FACE_FLOATS];
        for (int i = 0; i < n; i++) {
            out.position((long) i * ScrfdPost.FACE_FLOATS).get(row);
            Landmarks lm = null;
            if (landmarks) {
                float[] xy = new float[10];
                System.arraycopy(row, 5, xy, 0, 10);
                lm = new Landmarks(xy);
            }
            faces.add(new Face(new Box(row[0], row[1], row[2], row[3]), row[4], lm));
        }
        out.position(0);
        return faces;
    }

    private FloatPointer stage(int slot, float[] data) {
        FloatPointer p = staged[slot];
        if (p == null || p.capacity() < data.length) {
            if (p != null) {
                p.close();
            }
            p = new FloatPointer(data.length);
            staged[slot] = p;
        }
        p.position(0).put(data, 0, data.length);
        return p;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("native post-processor is closed");
        }
    }

    /** Frees the native buffers; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (FloatPointer p : staged) {
            if (p != null) {
                p.close();
            }
        }
        out.close();
        scores.close();
        boxes.close();
        kps.close();
        strides.close();
    }
}
