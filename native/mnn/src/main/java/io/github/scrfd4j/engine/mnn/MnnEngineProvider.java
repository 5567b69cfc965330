package io.github.scrfd4j.engine.mnn;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The MNN engine for {@link java.util.ServiceLoader}: {@code .mnn} models on MNN's CPU, OpenCL, Vulkan or Metal. */
public final class MnnEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "mnn";
    }

    @Override
    public String runtime() {
        return "MNN";
    }

    @Override
    public String artifact() {
        return "io.github.scrfd4j:scrfd4j-mnn";
    }

    @Override
    public String version() {
        return MnnRuntime.version();
    }

    @Override
    public List<String> formats() {
        return List.of("mnn");
    }

    @Override
    public List<String> devices() {
        return List.of("cpu", "opencl", "vulkan", "metal");
    }

    @Override
    public EngineAvailability availability() {
        return MnnRuntime.availability();
    }

    @Override
    public Engine open(List<Path> modelFiles, EngineSettings settings) {
        checkDevice(settings.device());
        checkFileCount(modelFiles, 1, "one .mnn file");
        MnnOptions o = new MnnOptions(MnnDevice.valueOf(settings.device().toUpperCase(Locale.ROOT)),
                settings.threadsOrOne(), 0, settings.allowFallback());
        return new MnnEngine(modelFiles.get(0), o);
    }
}
