package org.bytedeco.mnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code MNN::CV::ImageProcess::Config}: formats, filter, wrap, per-channel mean and normal. */
@Name("MNN::CV::ImageProcess::Config")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public class ImageProcessConfig extends Pointer {
    static {
        Loader.load();
    }

    /** {@code ImageFormat} values. */
    public static final int RGBA = 0;
    public static final int RGB = 1;
    public static final int BGR = 2;
    public static final int GRAY = 3;
    public static final int BGRA = 4;
    /** {@code Filter} values. */
    public static final int NEAREST = 0;
    public static final int BILINEAR = 1;
    public static final int BICUBIC = 2;
    /** {@code Wrap} values. */
    public static final int CLAMP_TO_EDGE = 0;
    public static final int ZERO = 1;
    public static final int REPEAT = 2;

    public ImageProcessConfig() {
        super((Pointer) null);
        allocate();
    }

    public ImageProcessConfig(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native @Cast("MNN::CV::Filter") int filterType();

    public native ImageProcessConfig filterType(@Cast("MNN::CV::Filter") int v);

    public native @Cast("MNN::CV::ImageFormat") int sourceFormat();

    public native ImageProcessConfig sourceFormat(@Cast("MNN::CV::ImageFormat") int v);

    public native @Cast("MNN::CV::ImageFormat") int destFormat();

    public native ImageProcessConfig destFormat(@Cast("MNN::CV::ImageFormat") int v);

    public native @Cast("MNN::CV::Wrap") int wrap();

    public native ImageProcessConfig wrap(@Cast("MNN::CV::Wrap") int v);

    public native float mean(int i);

    public native ImageProcessConfig mean(int i, float v);

    public native float normal(int i);

    public native ImageProcessConfig normal(int i, float v);
}
