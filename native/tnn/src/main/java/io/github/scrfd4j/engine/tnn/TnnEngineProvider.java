package io.github.scrfd4j.engine.tnn;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The TNN engine for {@link java.util.ServiceLoader}: {@code .tnnproto} + {@code .tnnmodel}. Device
 * {@code cpu} is the host's CPU device (X86 or ARM): TNN's own default, ARM, crashes on x86.
 */
public final class TnnEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "tnn";
    }

    @Override
    public String runtime() {
        return "TNN";
    }

    @Override
    public String artifact() {
        return "io.github.scrfd4j:scrfd4j-tnn";
    }

    @Override
    public String version() {
        return TnnRuntime.version();
    }

    @Override
    public List<String> formats() {
        return List.of("tnn");
    }

    @Override
    public List<String> devices() {
        return List.of("cpu", "x86", "arm", "naive", "opencl");
    }

    @Override
    public EngineAvailability availability() {
        return TnnRuntime.availability();
    }

    @Override
    public Engine open(List<Path> modelFiles, EngineSettings settings) {
        checkDevice(settings.device());
        checkFileCount(modelFiles, 2, "a .tnnproto and a .tnnmodel file");
        TnnDevice d = settings.device().equals("cpu") ? TnnDevice.hostDefault()
                : TnnDevice.valueOf(settings.device().toUpperCase(Locale.ROOT));
        return new TnnEngine(modelFiles.get(0), modelFiles.get(1), d, settings.threadsOrOne());
    }
}
