package org.bytedeco.tnn;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code tnn::ModelConfig}: model type and params (proto text, then model bytes). */
@Namespace("tnn")
@Properties(inherit = org.bytedeco.tnn.presets.tnn.class)
public class ModelConfig extends Pointer {
    static {
        Loader.load();
    }

    public static final int MODEL_TYPE_TNN = 0x0001;

    public ModelConfig() {
        super((Pointer) null);
        allocate();
    }

    public ModelConfig(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native @Cast("tnn::ModelType") int model_type();

    public native ModelConfig model_type(@Cast("tnn::ModelType") int v);

    /** Appends a param of exactly {@code data.length} bytes (the .tnnmodel contains NUL bytes). */
    public ModelConfig addParam(byte[] data) {
        try (BytePointer p = new BytePointer(data)) {
            TnnGlue.addParam(this, p, data.length);
        }
        return this;
    }
}
