package io.github.scrfd4j.engine.mnn;

import org.bytedeco.mnn.MNNForwardType;

/** MNN forward types we expose. Metal and Vulkan are selectable but untested here. */
public enum MnnDevice {
    CPU(MNNForwardType.MNN_FORWARD_CPU),
    OPENCL(MNNForwardType.MNN_FORWARD_OPENCL),
    VULKAN(MNNForwardType.MNN_FORWARD_VULKAN),
    METAL(MNNForwardType.MNN_FORWARD_METAL);

    private final int forwardType;

    MnnDevice(int forwardType) {
        this.forwardType = forwardType;
    }

    public int forwardType() {
        return forwardType;
    }

    /** MNN_FORWARD_CPU_EXTENSION: what a CPU session reports when it uses the SIMD (AVX, NEON) kernels. */
    static final int CPU_EXTENSION = 13;

    /** The device of an MNN forward type (the CPU extension counts as CPU), or null. */
    public static MnnDevice ofForwardType(int type) {
        if (type == CPU_EXTENSION) {
            return CPU;
        }
        for (MnnDevice d : values()) {
            if (d.forwardType == type) {
                return d;
            }
        }
        return null;
    }
}
