package io.github.scrfd4j.engine;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * A single-thread inference context. Not thread-safe: use one per thread (the {@code Detector} does).
 */
public interface EngineSession extends AutoCloseable {
    /**
     * A buffer of {@code 3 * width * height} floats to write the CHW input into. Engines return a
     * buffer they can read without copying (typically direct); it stays valid until the next call.
     */
    FloatBuffer inputBuffer(int width, int height);

    /**
     * Runs the network on the tensor in {@link #inputBuffer} ({@code [1, 3, height, width]}) and
     * returns every output, named as in the model. Returned data is owned by the caller.
     */
    List<Tensor> run(int width, int height);

    /** Frees this context; idempotent. */
    @Override
    void close();
}
