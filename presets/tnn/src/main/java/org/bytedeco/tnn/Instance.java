package org.bytedeco.tnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.ByVal;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code tnn::Instance}: one runnable network; not thread-safe. Held through a shared_ptr. */
@Namespace("tnn")
@Properties(inherit = org.bytedeco.tnn.presets.tnn.class)
public class Instance extends Pointer {
    static {
        Loader.load();
    }

    public Instance(Pointer p) {
        super(p);
    }

    public native @ByVal Status SetCpuNumThreads(int threads);

    public native @ByVal Status Forward();

    public native @ByVal Status DeInit();
}
