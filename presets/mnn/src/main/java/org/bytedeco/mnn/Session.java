package org.bytedeco.mnn;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code MNN::Session}: opaque, owned by its {@link Interpreter} (release with releaseSession). */
@Opaque
@Namespace("MNN")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public class Session extends Pointer {
    public Session() {
        super((Pointer) null);
    }

    public Session(Pointer p) {
        super(p);
    }
}
