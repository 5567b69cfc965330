package org.bytedeco.mnn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.annotation.StdVector;

/**
 * {@code MNN::Tensor}. Session tensors belong to the session; host tensors made with
 * {@link #Tensor(Tensor, int, boolean)} belong to this object (deleted on {@link #close()}).
 */
@Namespace("MNN")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public class Tensor extends Pointer {
    static {
        Loader.load();
    }

    /** {@code DimensionType}: NHWC. */
    public static final int TENSORFLOW = 0;
    /** {@code DimensionType}: NCHW. */
    public static final int CAFFE = 1;
    /** {@code DimensionType}: NC4HW4. */
    public static final int CAFFE_C4 = 2;

    public Tensor(Pointer p) {
        super(p);
    }

    /** A host tensor shaped like {@code device}, in layout {@code dimType}, owning its memory when asked. */
    public Tensor(Tensor device, int dimType, boolean allocMemory) {
        super((Pointer) null);
        allocate(device, dimType, allocMemory);
    }

    private native void allocate(@Const Tensor device, @Cast("MNN::Tensor::DimensionType") int dimType,
                                 @Cast("bool") boolean allocMemory);

    public native @StdVector IntPointer shape();

    public native @Cast("MNN::Tensor::DimensionType") int getDimensionType();

    public native int dimensions();

    public native int elementSize();

    public native int size();

    public native int length(int index);

    /** {@code host<float>()}: the host buffer (null for device tensors). */
    @Name("host<float>")
    public native FloatPointer hostFloat();

    public native @Cast("bool") boolean copyFromHostTensor(@Const Tensor host);

    public native @Cast("bool") boolean copyToHostTensor(Tensor host);

    public static native Tensor createHostTensorFromDevice(@Const Tensor device, @Cast("bool") boolean copyData);

    public static native void destroy(Tensor tensor);
}
