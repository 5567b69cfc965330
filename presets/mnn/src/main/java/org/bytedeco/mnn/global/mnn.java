package org.bytedeco.mnn.global;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/** MNN's free functions (bytedeco's {@code global} class convention). */
@Namespace("MNN")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public final class mnn {
    static {
        Loader.load();
    }

    private mnn() {
    }

    /** {@code MNN::getVersion()}: the library's version string, e.g. "3.6.1". */
    public static native @Cast("const char*") BytePointer getVersion();
}
