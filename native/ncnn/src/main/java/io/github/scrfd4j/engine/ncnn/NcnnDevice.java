package io.github.scrfd4j.engine.ncnn;

/** Where ncnn runs: its CPU kernels, or Vulkan compute (needs ncnn built with NCNN_VULKAN and a GPU). */
public enum NcnnDevice {
    CPU,
    VULKAN
}
