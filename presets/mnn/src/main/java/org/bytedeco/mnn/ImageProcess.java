package org.bytedeco.mnn;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.ByRef;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/**
 * {@code MNN::CV::ImageProcess}: resize, colour conversion, mean and normal in one pass, straight into
 * a tensor. Not deleted by the GC: free with {@link #destroy(ImageProcess)}.
 */
@Namespace("MNN::CV")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public class ImageProcess extends Pointer {
    static {
        Loader.load();
    }

    public ImageProcess(Pointer p) {
        super(p);
    }

    public static native ImageProcess create(@Const @ByRef ImageProcessConfig config, @Const Tensor dstTensor);

    public static native void destroy(ImageProcess process);

    /** Maps destination pixel coordinates to source coordinates. */
    public native void setMatrix(@Const @ByRef CVMatrix matrix);

    public native void setPadding(@Cast("uint8_t") byte value);

    /** {@code ErrorCode} as int (0 = NO_ERROR). */
    public native @Cast("int") int convert(@Cast("const uint8_t*") BytePointer source, int iw, int ih, int stride,
                                           Tensor dest);
}
