package org.bytedeco.tnn.presets;

import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;

/**
 * JavaCPP presets for the part of TNN's C++ API that SCRFD needs. The peers in
 * {@code org.bytedeco.tnn} are written by hand (no parsing of TNN headers, nothing of TNN committed);
 * this class only carries the build settings they inherit.
 */
@Properties(value = @Platform(value = {"linux", "macosx"}, compiler = "cpp11",
        include = {"tnn/core/common.h", "tnn/core/status.h", "tnn/core/mat.h", "tnn/core/instance.h",
            "tnn/core/tnn.h", "tnn/utils/blob_converter.h", "scrfd4j_tnn_peer.h"},
        link = "TNN", library = "jnitnn"))
public class tnn {
}
