package io.github.scrfd4j.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * An inference runtime that can load SCRFD models, found at run time through
 * {@link java.util.ServiceLoader} (see {@link EngineProviders}). Each engine artifact
 * ({@code scrfd4j-ort}, {@code scrfd4j-mnn}, ...) registers one in
 * {@code META-INF/services/io.github.scrfd4j.engine.EngineProvider}.
 *
 * <p>Implementations must be cheap to construct and must not load native code until
 * {@link #availability()}, {@link #version()} or {@link #open} is called.
 */
public interface EngineProvider {
    /** Short name used on the command line, e.g. {@code ort}, {@code mnn}. */
    String name();

    /** The runtime's own name, e.g. "ONNX Runtime". */
    String runtime();

    /** The Maven artifact that carries this engine, e.g. {@code io.github.scrfd4j:scrfd4j-ort}. */
    String artifact();

    /** The runtime's version, or a placeholder such as "unknown" when it cannot be loaded. */
    String version();

    /**
     * The model formats this engine loads, as lower-case format names ({@code onnx}, {@code mnn},
     * {@code tnn}, {@code ncnn}).
     */
    List<String> formats();

    /**
     * Which of several engines for one format {@code --engine auto} takes: the usable one with the
     * highest priority (0 for native runtimes; the pure-Java network is -1, a fallback).
     */
    default int autoPriority() {
        return 0;
    }

    /** Device names for {@link EngineSettings#device()}; the first is the default, {@code cpu}. */
    List<String> devices();

    /** Whether the engine's native library is usable here and which file it is, or why not. */
    EngineAvailability availability();

    /**
     * Loads a model.
     *
     * @param modelFiles the model's files in the format's order (TNN: proto then model; ncnn: param then bin)
     * @throws EngineException when the runtime is unusable or the model cannot be loaded
     * @throws IllegalArgumentException when the settings name a device this engine does not have
     */
    Engine open(List<Path> modelFiles, EngineSettings settings);

    /** Rejects a device this engine does not offer, naming the ones it does. */
    default void checkDevice(String device) {
        if (!devices().contains(device)) {
            throw new IllegalArgumentException("engine " + name() + " has no device '" + device + "' (valid: "
                    + String.join(", ", devices()) + ")");
        }
    }

    /** Checks the number of model files, naming what this engine expects. */
    default void checkFileCount(List<Path> modelFiles, int expected, String what) {
        if (modelFiles.size() != expected) {
            throw new IllegalArgumentException(runtime() + " loads " + what + ", got " + modelFiles);
        }
    }
}
