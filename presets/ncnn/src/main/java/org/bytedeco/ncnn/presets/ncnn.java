package org.bytedeco.ncnn.presets;

import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;

/**
 * JavaCPP presets for the part of ncnn's C API ({@code ncnn/c_api.h}, release 20260526) that SCRFD
 * needs. The peers in {@code org.bytedeco.ncnn} are written by hand (no parsing of ncnn headers,
 * nothing of ncnn committed); this class only carries the build settings they inherit.
 */
@Properties(value = @Platform(value = {"linux", "macosx"}, compiler = "cpp11",
        include = {"ncnn/c_api.h", "scrfd4j_ncnn_peer.h"},
        link = "ncnn", library = "jnincnn"))
public class ncnn {
}
