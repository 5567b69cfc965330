package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * ncnn for {@link java.util.ServiceLoader}: a text {@code .param} and its {@code .bin}, on the CPU or
 * Vulkan, fp32 ({@link NcnnPrecision#EXACT}) by default.
 */
public final class NcnnEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "ncnn";
    }

    @Override
    public String runtime() {
        return "ncnn";
    }

    @Override
    public String artifact() {
        return "io.github.scrfd4j:scrfd4j-ncnn";
    }

    @Override
    public String version() {
        return NcnnRuntime.version();
    }

    @Override
    public List<String> formats() {
        return List.of("ncnn");
    }

    @Override
    public List<String> devices() {
        return List.of("cpu", "vulkan");
    }

    @Override
    public EngineAvailability availability() {
        return NcnnRuntime.availability();
    }

    @Override
    public Engine open(List<Path> modelFiles, EngineSettings settings) {
        checkDevice(settings.device());
        checkFileCount(modelFiles, 2, "a .param and a .bin file");
        NcnnOptions o = new NcnnOptions(NcnnDevice.valueOf(settings.device().toUpperCase(Locale.ROOT)),
                settings.threadsOrOne(), NcnnPrecision.valueOf(settings.precision().name()), settings.allowFallback(), null);
        return new NcnnEngine(modelFiles.get(0), modelFiles.get(1), o);
    }
}
