package org.bytedeco.mnn;

/** Values of MNN's {@code MNNForwardType} (MNN/MNNForwardType.h). */
public final class MNNForwardType {
    public static final int MNN_FORWARD_CPU = 0;
    public static final int MNN_FORWARD_METAL = 1;
    public static final int MNN_FORWARD_CUDA = 2;
    public static final int MNN_FORWARD_OPENCL = 3;
    public static final int MNN_FORWARD_AUTO = 4;
    public static final int MNN_FORWARD_VULKAN = 7;

    private MNNForwardType() {
    }
}
