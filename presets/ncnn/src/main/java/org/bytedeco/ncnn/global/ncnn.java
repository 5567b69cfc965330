package org.bytedeco.ncnn.global;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.ByPtrPtr;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.ncnn.Extractor;
import org.bytedeco.ncnn.Mat;
import org.bytedeco.ncnn.Net;
import org.bytedeco.ncnn.Option;

/**
 * ncnn's C functions (bytedeco's {@code global} class convention), the subset SCRFD needs, plus
 * scrfd4j's glue ({@code scrfd4j_ncnn_peer.h}). Only functions the 20260526 release has.
 */
@Properties(inherit = org.bytedeco.ncnn.presets.ncnn.class)
public final class ncnn {
    static {
        Loader.load();
    }

    private ncnn() {
    }

    public static native @Cast("const char*") BytePointer ncnn_version();

    // option
    public static native Option ncnn_option_create();
    public static native void ncnn_option_destroy(Option opt);
    public static native int ncnn_option_get_num_threads(Option opt);
    public static native void ncnn_option_set_num_threads(Option opt, int n);
    public static native int ncnn_option_get_use_vulkan_compute(Option opt);
    public static native void ncnn_option_set_use_vulkan_compute(Option opt, int enable);
    public static native int ncnn_option_get_use_fp16_packed(Option opt);
    public static native void ncnn_option_set_use_fp16_packed(Option opt, int enable);
    public static native int ncnn_option_get_use_fp16_storage(Option opt);
    public static native void ncnn_option_set_use_fp16_storage(Option opt, int enable);
    public static native int ncnn_option_get_use_fp16_arithmetic(Option opt);
    public static native void ncnn_option_set_use_fp16_arithmetic(Option opt, int enable);
    public static native int ncnn_option_get_use_bf16_storage(Option opt);
    public static native void ncnn_option_set_use_bf16_storage(Option opt, int enable);
    public static native int ncnn_option_get_use_packing_layout(Option opt);
    public static native void ncnn_option_set_use_packing_layout(Option opt, int enable);
    public static native int ncnn_option_get_use_winograd_convolution(Option opt);
    public static native void ncnn_option_set_use_winograd_convolution(Option opt, int enable);
    public static native int ncnn_option_get_use_sgemm_convolution(Option opt);
    public static native void ncnn_option_set_use_sgemm_convolution(Option opt, int enable);

    // net
    public static native Net ncnn_net_create();
    public static native void ncnn_net_destroy(Net net);
    public static native void ncnn_net_set_option(Net net, Option opt);
    public static native int ncnn_net_load_param(Net net, @Cast("const char*") BytePointer path);
    public static native int ncnn_net_load_model(Net net, @Cast("const char*") BytePointer path);
    /** {@code mem} must be NUL-terminated text. */
    public static native int ncnn_net_load_param_memory(Net net, @Cast("const char*") BytePointer mem);
    public static native int ncnn_net_get_input_count(Net net);
    public static native int ncnn_net_get_output_count(Net net);
    public static native @Cast("const char*") BytePointer ncnn_net_get_input_name(Net net, int i);
    public static native @Cast("const char*") BytePointer ncnn_net_get_output_name(Net net, int i);

    // extractor
    public static native Extractor ncnn_extractor_create(Net net);
    public static native void ncnn_extractor_destroy(Extractor ex);
    public static native int ncnn_extractor_input(Extractor ex, @Cast("const char*") BytePointer name, Mat mat);
    /** Allocates a new mat in {@code mat} on every call, failure included: destroy it every time. */
    public static native int ncnn_extractor_extract(Extractor ex, @Cast("const char*") BytePointer name,
                                                    @ByPtrPtr Mat mat);

    // mat
    public static native Mat ncnn_mat_create_3d(int w, int h, int c, @Cast("ncnn_allocator_t") Pointer allocator);
    public static native Mat ncnn_mat_create_external_3d(int w, int h, int c, Pointer data,
                                                         @Cast("ncnn_allocator_t") Pointer allocator);
    public static native void ncnn_mat_destroy(Mat mat);
    public static native int ncnn_mat_get_dims(Mat mat);
    public static native int ncnn_mat_get_w(Mat mat);
    public static native int ncnn_mat_get_h(Mat mat);
    public static native int ncnn_mat_get_d(Mat mat);
    public static native int ncnn_mat_get_c(Mat mat);
    public static native @Cast("size_t") long ncnn_mat_get_elemsize(Mat mat);
    public static native int ncnn_mat_get_elempack(Mat mat);
    public static native @Cast("size_t") long ncnn_mat_get_cstep(Mat mat);
    public static native Pointer ncnn_mat_get_data(Mat mat);

    public static native Mat ncnn_mat_create();

    // pixels (lite.ai.toolkit's ncnn preprocessing)
    public static final int NCNN_MAT_PIXEL_RGB = 1;
    public static final int NCNN_MAT_PIXEL_BGR = 2;
    /** {@code NCNN_MAT_PIXEL_X2Y(BGR, RGB)}: BGR pixels in, RGB planes out. */
    public static final int NCNN_MAT_PIXEL_BGR2RGB = NCNN_MAT_PIXEL_BGR | (NCNN_MAT_PIXEL_RGB << 16);
    public static final int NCNN_BORDER_CONSTANT = 0;

    public static native Mat ncnn_mat_from_pixels_resize(@Cast("const unsigned char*") BytePointer pixels, int type,
                                                         int w, int h, int stride, int targetWidth, int targetHeight,
                                                         @Cast("ncnn_allocator_t") Pointer allocator);
    public static native void ncnn_mat_substract_mean_normalize(Mat mat, @Const FloatPointer mean,
                                                                @Const FloatPointer norm);
    /** {@code dst} must be a mat made by {@link #ncnn_mat_create()}; it receives the padded copy. */
    public static native void ncnn_copy_make_border(Mat src, Mat dst, int top, int bottom, int left, int right,
                                                    int type, float v, Option opt);

    // scrfd4j glue
    /**
     * Loads the weights from {@code length} bytes with bounds: a short file is an error (-1), never a
     * read past the buffer. Returns the bytes left unread (0 for a matching .bin), or -1. ncnn copies
     * the weights, so the buffer may be freed afterwards.
     */
    @Namespace("scrfd4j_ncnn")
    public static native @Cast("long long") long loadModelBounded(Net net, @Cast("const unsigned char*") BytePointer data,
                                                                   @Cast("size_t") long length);

    /** 1 when this libncnn was built with Vulkan (NCNN_VULKAN), else 0. */
    @Namespace("scrfd4j_ncnn")
    public static native int vulkanBuilt();

    /** Vulkan GPUs ncnn sees (0 when none, or built without Vulkan). */
    @Namespace("scrfd4j_ncnn")
    public static native int gpuCount();
}
