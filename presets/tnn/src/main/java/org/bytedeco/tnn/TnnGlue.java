package org.bytedeco.tnn;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.ByVal;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/**
 * Peers of scrfd4j's glue ({@code scrfd4j_tnn_peer.h}): binary params with explicit length, output
 * names and dims, host-memory Mats for {@code SetInputMat}/{@code GetOutputMat} (copied out at once,
 * always on DEVICE_NAIVE, never TNN's ARM default), and Status codes.
 */
@Namespace("scrfd4j_tnn")
@Properties(inherit = org.bytedeco.tnn.presets.tnn.class)
public final class TnnGlue {
    static {
        Loader.load();
    }

    private TnnGlue() {
    }

    public static native void addParam(ModelConfig config, @Cast("const char*") BytePointer data,
                                       @Cast("size_t") long length);

    public static native int outputCount(Instance instance);

    public static native int outputInfo(Instance instance, int i, @Cast("char*") BytePointer name, int capacity,
                                        IntPointer dims, int maxDims);

    public static native int inputDims(Instance instance, IntPointer dims, int maxDims);

    public static native @ByVal Status setInput(Instance instance, FloatPointer data, int n, int c, int h, int w,
                                                @Const MatConvertParam param);

    public static native @ByVal Status getOutput(Instance instance, @Cast("const char*") BytePointer name,
                                                 FloatPointer dst, long capacity, @Cast("long*") long[] count);

    public static native int statusCode(Status status);
}
