package io.github.scrfd4j.post;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * JavaCPP peer of {@code scrfd4j_post.hpp}, our C++ decode + NMS (lite.ai.toolkit semantics). Built
 * by the javacpp Maven plugin with nothing but a C++ compiler. Use {@link NativePostProcessor}.
 */
@Platform(include = "scrfd4j_post.hpp", compiler = "cpp11")
@Namespace("scrfd4j")
public final class ScrfdPost {
    static {
        Loader.load();
    }

    /** Floats per face in the output: x1, y1, x2, y2, score, 10 landmark values. */
    public static final int FACE_FLOATS = 15;

    private ScrfdPost() {
    }

    /** See {@code scrfd4j::postprocess_lite}. */
    public static native int postprocess_lite(@Cast("const float* const*") PointerPointer<FloatPointer> scores,
                                              @Cast("const float* const*") PointerPointer<FloatPointer> boxes,
                                              @Cast("const float* const*") PointerPointer<FloatPointer> kps,
                                              int levels, @Const IntPointer strides, int anchorsPerCell,
                                              int inputW, int inputH, float scoreThreshold, float iouThreshold,
                                              int topK, float padX, float padY, float ratio, float imageW,
                                              float imageH, FloatPointer out, int maxOut);
}
