package org.bytedeco.ncnn;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code ncnn_option_t}: threads, Vulkan, fp16/bf16 storage and arithmetic, packing, winograd, sgemm. Set it on the net before loading the param file. */
@Opaque
@Name("__ncnn_option_t")
@Properties(inherit = org.bytedeco.ncnn.presets.ncnn.class)
public class Option extends Pointer {
    public Option() {
        super((Pointer) null);
    }

    public Option(Pointer p) {
        super(p);
    }
}
