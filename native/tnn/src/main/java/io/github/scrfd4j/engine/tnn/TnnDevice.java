package io.github.scrfd4j.engine.tnn;

import java.util.Locale;
import org.bytedeco.tnn.NetworkConfig;

/** TNN devices we expose. OpenCL needs a GPU-type OpenCL device and TNN built with TNN_OPENCL_ENABLE. */
public enum TnnDevice {
    X86(NetworkConfig.DEVICE_X86),
    ARM(NetworkConfig.DEVICE_ARM),
    NAIVE(NetworkConfig.DEVICE_NAIVE),
    OPENCL(NetworkConfig.DEVICE_OPENCL);

    private final int deviceType;

    TnnDevice(int deviceType) {
        this.deviceType = deviceType;
    }

    public int deviceType() {
        return deviceType;
    }

    /** The CPU device of this machine: ARM on aarch64/arm, X86 otherwise. */
    public static TnnDevice hostDefault() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.contains("aarch64") || arch.startsWith("arm") ? ARM : X86;
    }
}
