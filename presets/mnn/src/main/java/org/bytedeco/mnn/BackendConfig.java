package org.bytedeco.mnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code MNN::BackendConfig}: precision, power and memory modes. */
@Namespace("MNN")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public class BackendConfig extends Pointer {
    static {
        Loader.load();
    }

    public static final int Memory_Normal = 0;
    public static final int Memory_High = 1;
    public static final int Memory_Low = 2;
    public static final int Power_Normal = 0;
    public static final int Power_High = 1;
    public static final int Power_Low = 2;
    public static final int Precision_Normal = 0;
    public static final int Precision_High = 1;
    public static final int Precision_Low = 2;

    public BackendConfig() {
        super((Pointer) null);
        allocate();
    }

    public BackendConfig(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native @Cast("MNN::BackendConfig::MemoryMode") int memory();

    public native BackendConfig memory(@Cast("MNN::BackendConfig::MemoryMode") int v);

    public native @Cast("MNN::BackendConfig::PowerMode") int power();

    public native BackendConfig power(@Cast("MNN::BackendConfig::PowerMode") int v);

    public native @Cast("MNN::BackendConfig::PrecisionMode") int precision();

    public native BackendConfig precision(@Cast("MNN::BackendConfig::PrecisionMode") int v);
}
