package org.bytedeco.ncnn;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code ncnn_net_t}: a network (layers, weights, options). Shared by threads: each run makes its own {@link Extractor}. */
@Opaque
@Name("__ncnn_net_t")
@Properties(inherit = org.bytedeco.ncnn.presets.ncnn.class)
public class Net extends Pointer {
    public Net() {
        super((Pointer) null);
    }

    public Net(Pointer p) {
        super(p);
    }
}
