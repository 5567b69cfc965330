package io.github.scrfd4j.engine;

/**
 * The numeric contract asked of an engine. {@code EXACT} keeps fp32 storage and arithmetic, so the
 * outputs agree with ONNX Runtime within {@code verify-engine}'s tolerances on every CPU; {@code FAST}
 * lets the runtime use its reduced-precision defaults (fp16/bf16 where the CPU has them), which
 * {@code verify-engine} then measures rather than assumes. Engines without such modes ignore it.
 */
public enum EnginePrecision {
    EXACT,
    FAST
}
