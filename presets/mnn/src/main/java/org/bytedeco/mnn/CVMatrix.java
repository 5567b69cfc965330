package org.bytedeco.mnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code MNN::CV::Matrix}: the 3x3 transform ImageProcess uses to map destination to source points. */
@Name("MNN::CV::Matrix")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public class CVMatrix extends Pointer {
    static {
        Loader.load();
    }

    public CVMatrix() {
        super((Pointer) null);
        allocate();
    }

    public CVMatrix(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native void reset();

    public native void setScale(float sx, float sy);

    public native void setTranslate(float dx, float dy);

    public native void postScale(float sx, float sy);

    public native void postTranslate(float dx, float dy);

    public native void setScaleTranslate(float sx, float sy, float tx, float ty);
}
