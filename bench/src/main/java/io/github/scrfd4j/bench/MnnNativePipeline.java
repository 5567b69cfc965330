package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.engine.mnn.MnnEngineSession;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.post.NativePostProcessor;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The pipeline a C++ program drives, with no Java arrays in between: MNN ImageProcess, runSession,
 * and our C++ post-processing reading MNN's host output tensors in place. The pointer tables are
 * allocated once, as a C++ program would.
 */
final class MnnNativePipeline implements AutoCloseable {
    private final MnnEngineSession session;
    private final OutputLayout layout;
    private final NativePostProcessor post;
    private final PointerPointer<FloatPointer> scores;
    private final PointerPointer<FloatPointer> boxes;
    private final PointerPointer<FloatPointer> kps;

    MnnNativePipeline(MnnEngineSession session, OutputLayout layout, NativePostProcessor post) {
        this.session = session;
        this.layout = layout;
        this.post = post;
        int levels = layout.plan().levels();
        scores = new PointerPointer<>(levels);
        boxes = new PointerPointer<>(levels);
        kps = new PointerPointer<>(levels);
    }

    List<Face> detect(BgrImage image, LetterboxParams lb) {
        return session.runFromBgrInPlace(image, lb, output -> {
            for (int level = 0; level < layout.plan().levels(); level++) {
                scores.put(level, output.apply(layout.scoreIndex(level)));
                boxes.put(level, output.apply(layout.boxIndex(level)));
                if (layout.hasLandmarks()) {
                    kps.put(level, output.apply(layout.landmarkIndex(level)));
                }
            }
            return post.process(scores, boxes, layout.hasLandmarks() ? kps : null, layout.plan(), lb);
        });
    }

    @Override
    public void close() {
        scores.close();
        boxes.close();
        kps.close();
    }
}
