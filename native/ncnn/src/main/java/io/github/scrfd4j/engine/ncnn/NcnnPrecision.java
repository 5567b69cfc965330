package io.github.scrfd4j.engine.ncnn;

import org.bytedeco.ncnn.Option;
import org.bytedeco.ncnn.global.ncnn;

/**
 * ncnn's numeric settings. ncnn defaults to fp16 (and bf16) storage and packed layouts where the CPU
 * supports them (ARMv8.2 with asimdhp, e.g. the Raspberry Pi 5's Cortex-A76), and lite.ai.toolkit
 * turns off only fp16 arithmetic; fp16 storage alone moves SCRFD's scores by more than
 * {@code verify-engine} allows on such CPUs.
 */
public enum NcnnPrecision {
    /** fp32 throughout (no fp16/bf16 storage or arithmetic): agrees with ONNX Runtime on every CPU. */
    EXACT,
    /** ncnn's own defaults (fp16/bf16 where the CPU has them): faster on ARMv8.2, not exact. */
    FAST;

    void apply(Option opt) {
        if (this == EXACT) {
            ncnn.ncnn_option_set_use_fp16_packed(opt, 0);
            ncnn.ncnn_option_set_use_fp16_storage(opt, 0);
            ncnn.ncnn_option_set_use_fp16_arithmetic(opt, 0);
            ncnn.ncnn_option_set_use_bf16_storage(opt, 0);
        }
    }
}
