package org.bytedeco.tnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code tnn::NetworkConfig}: device and precision. Always set the device: TNN's default is ARM. */
@Namespace("tnn")
@Properties(inherit = org.bytedeco.tnn.presets.tnn.class)
public class NetworkConfig extends Pointer {
    static {
        Loader.load();
    }

    public static final int DEVICE_NAIVE = 0x0000;
    public static final int DEVICE_X86 = 0x0010;
    public static final int DEVICE_ARM = 0x0020;
    public static final int DEVICE_OPENCL = 0x1000;
    public static final int PRECISION_AUTO = -1;
    public static final int PRECISION_NORMAL = 0;
    public static final int PRECISION_HIGH = 1;
    public static final int PRECISION_LOW = 2;

    public NetworkConfig() {
        super((Pointer) null);
        allocate();
    }

    public NetworkConfig(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native @Cast("tnn::DeviceType") int device_type();

    public native NetworkConfig device_type(@Cast("tnn::DeviceType") int v);

    public native int device_id();

    public native NetworkConfig device_id(int v);

    public native @Cast("tnn::Precision") int precision();

    public native NetworkConfig precision(@Cast("tnn::Precision") int v);
}
