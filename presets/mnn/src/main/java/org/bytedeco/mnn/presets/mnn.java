package org.bytedeco.mnn.presets;

import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;

/**
 * JavaCPP presets for the part of MNN's C++ API that SCRFD needs. Unlike bytedeco's generated
 * presets, the peer classes in {@code org.bytedeco.mnn} are written by hand (no InfoMapper, no
 * parsing of MNN headers), so nothing of MNN is committed; this class only carries the build
 * settings they inherit.
 */
@Properties(value = {
    @Platform(value = {"linux", "macosx"}, compiler = "cpp11",
            include = {"MNN/MNNForwardType.h", "MNN/Tensor.hpp", "MNN/Interpreter.hpp", "MNN/ImageProcess.hpp",
                "scrfd4j_mnn_peer.h"},
            link = "MNN", library = "jnimnn"),
    @Platform(value = "windows", compiler = "cpp11",
            include = {"MNN/MNNForwardType.h", "MNN/Tensor.hpp", "MNN/Interpreter.hpp", "MNN/ImageProcess.hpp",
                "scrfd4j_mnn_peer.h"},
            link = "MNN", library = "jnimnn")
})
public class mnn {
}
