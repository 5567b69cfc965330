package io.github.scrfd4j.engine;

import java.util.List;

/**
 * A loaded SCRFD network in some inference runtime. The engine itself is thread-safe; inference goes
 * through {@link EngineSession}s, one per thread, because most runtimes' run contexts are not.
 * Closing the engine invalidates its sessions.
 */
public interface Engine extends AutoCloseable {
    /** Runtime name for logs, e.g. "onnxruntime 1.23.2 (cpu)". */
    String name();

    /** The image input of the model. */
    InputSpec input();

    /** The outputs as the model declares them (dimensions unknown before a run are -1). */
    List<TensorInfo> outputs();

    /** Opens a single-thread inference context. */
    EngineSession openSession();

    /** Frees native resources; idempotent. */
    @Override
    void close();
}
