package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.post.NativePostProcessor;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The pipeline a C++ program drives, with no Java arrays in between: the runtime's own
 * preprocessing (MNN ImageProcess, ncnn from_pixels_resize), its inference, and our C++
 * post-processing reading the runtime's output tensors in place. The pointer tables are allocated
 * once, as a C++ program would.
 */
final class NativePipeline implements AutoCloseable {
    /** A session's all-native run: preprocess {@code image}, infer, hand the outputs to {@code reader} in place. */
    interface InPlaceRun {
        List<Face> run(BgrImage image, LetterboxParams lb, Function<IntFunction<FloatPointer>, List<Face>> reader);
    }

    private final InPlaceRun session;
    private final OutputLayout layout;
    private final NativePostProcessor post;
    private final PointerPointer<FloatPointer> scores;
    private final PointerPointer<FloatPointer> boxes;
    private final PointerPointer<FloatPointer> kps;

    NativePipeline(InPlaceRun session, OutputLayout layout, NativePostProcessor post) {
        this.session = session;
        this.layout = layout;
        this.post = post;
        int levels = layout.plan().levels();
        scores = new PointerPointer<>(levels);
        boxes = new PointerPointer<>(levels);
        kps = new PointerPointer<>(levels);
    }

    List<Face> detect(BgrImage image, LetterboxParams lb) {
        return session.run(image, lb, output -> postProcess(output, lb));
    }

    /** Our C++ post-processing on the runtime's output tensors, read in place. */
    List<Face> postProcess(IntFunction<FloatPointer> output, LetterboxParams lb) {
        for (int level = 0; level < layout.plan().levels(); level++) {
            scores.put(level, output.apply(layout.scoreIndex(level)));
            boxes.put(level, output.apply(layout.boxIndex(level)));
            if (layout.hasLandmarks()) {
                kps.put(level, output.apply(layout.landmarkIndex(level)));
            }
        }
        return post.process(scores, boxes, layout.hasLandmarks() ? kps : null, layout.plan(), lb);
    }

    @Override
    public void close() {
        scores.close();
        boxes.close();
        kps.close();
    }
}
