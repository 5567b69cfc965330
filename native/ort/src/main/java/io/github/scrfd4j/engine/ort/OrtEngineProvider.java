package io.github.scrfd4j.engine.ort;

import ai.onnxruntime.OrtEnvironment;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineSettings;
import io.github.scrfd4j.engine.LoadedLibraries;
import java.nio.file.Path;
import java.util.List;

/**
 * ONNX Runtime for {@link java.util.ServiceLoader}: {@code .onnx} models on the CPU. Its natives come
 * inside Maven Central's jar, so it is usable wherever that jar has a build for the platform.
 */
public final class OrtEngineProvider implements EngineProvider {
    private static final String LIBRARY = "libonnxruntime.so";

    @Override
    public String name() {
        return "ort";
    }

    @Override
    public String runtime() {
        return "ONNX Runtime";
    }

    @Override
    public String artifact() {
        return "io.github.scrfd4j:scrfd4j-ort";
    }

    @Override
    public String version() {
        try {
            return OrtEnvironment.getEnvironment().getVersion();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    @Override
    public List<String> formats() {
        return List.of("onnx");
    }

    @Override
    public List<String> devices() {
        return List.of("cpu");
    }

    @Override
    public EngineAvailability availability() {
        try {
            OrtEnvironment.getEnvironment();
        } catch (RuntimeException | LinkageError e) {
            return EngineAvailability.unusable("ONNX Runtime's native library cannot be loaded on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e);
        }
        return EngineAvailability.usable(LoadedLibraries.find(LIBRARY)
                .orElse(LIBRARY + " (from the com.microsoft.onnxruntime jar)"));
    }

    @Override
    public Engine open(List<Path> modelFiles, EngineSettings settings) {
        checkDevice(settings.device());
        checkFileCount(modelFiles, 1, "one .onnx file");
        try {
            return new OrtEngine(modelFiles.get(0), settings.threads());
        } catch (LinkageError e) {
            throw new EngineException("cannot load ONNX Runtime's native library: " + e, e);
        }
    }
}
