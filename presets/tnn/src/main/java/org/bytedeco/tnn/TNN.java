package org.bytedeco.tnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.ByRef;
import org.bytedeco.javacpp.annotation.ByVal;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.annotation.SharedPtr;

/** {@code tnn::TNN}: the interpreted model; creates {@link Instance}s. Deleted on {@link #close()}. */
@Namespace("tnn")
@Properties(inherit = org.bytedeco.tnn.presets.tnn.class)
public class TNN extends Pointer {
    static {
        Loader.load();
    }

    public TNN() {
        super((Pointer) null);
        allocate();
    }

    public TNN(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native @ByVal Status Init(@ByRef ModelConfig config);

    public native @ByVal Status DeInit();

    /** Null (with {@code status} set) on failure. The instance is shared-owned: close it to release. */
    public native @SharedPtr Instance CreateInst(@ByRef NetworkConfig config, @ByRef Status status);
}
