package org.bytedeco.ncnn;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code ncnn_mat_t}: a tensor. Channels of a 3-D mat are {@code cstep} elements apart (aligned to 16 bytes), not {@code w * h}. */
@Opaque
@Name("__ncnn_mat_t")
@Properties(inherit = org.bytedeco.ncnn.presets.ncnn.class)
public class Mat extends Pointer {
    public Mat() {
        super((Pointer) null);
    }

    public Mat(Pointer p) {
        super(p);
    }
}
