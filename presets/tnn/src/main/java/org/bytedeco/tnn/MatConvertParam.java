package org.bytedeco.tnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code tnn::MatConvertParam}: per-channel scale and bias, channel reversal, applied by SetInputMat. */
@Namespace("tnn")
@Properties(inherit = org.bytedeco.tnn.presets.tnn.class)
public class MatConvertParam extends Pointer {
    static {
        Loader.load();
    }

    public MatConvertParam() {
        super((Pointer) null);
        allocate();
    }

    public MatConvertParam(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native @Cast("bool") boolean reverse_channel();

    public native MatConvertParam reverse_channel(@Cast("bool") boolean v);
}
