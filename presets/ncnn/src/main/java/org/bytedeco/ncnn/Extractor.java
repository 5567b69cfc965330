package org.bytedeco.ncnn;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code ncnn_extractor_t}: one inference; it caches blobs, so make one per run. */
@Opaque
@Name("__ncnn_extractor_t")
@Properties(inherit = org.bytedeco.ncnn.presets.ncnn.class)
public class Extractor extends Pointer {
    public Extractor() {
        super((Pointer) null);
    }

    public Extractor(Pointer p) {
        super(p);
    }
}
