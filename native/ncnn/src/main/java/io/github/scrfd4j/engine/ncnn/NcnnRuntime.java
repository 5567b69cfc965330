package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.NativeLibraryCheck;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.ncnn.global.ncnn;

/** Whether the ncnn JNI library (built only where ncnn was installed) can be loaded here, and why not. */
public final class NcnnRuntime {
    /** File name prefix of ncnn's own shared library (not our JNI wrapper). */
    public static final String LIBRARY = "libncnn.so";

    private static final NativeLibraryCheck CHECK = new NativeLibraryCheck("ncnn", "jnincnn",
            "NCNN_HOME, /opt/ncnn or /usr/local", "presets/ncnn", LIBRARY, () -> Loader.load(ncnn.class));
    private static final Optional<String> UNAVAILABLE = CHECK.unavailableReason();

    private NcnnRuntime() {
    }

    /** Empty when ncnn can be used; else the reason it cannot. */
    public static Optional<String> unavailableReason() {
        return UNAVAILABLE;
    }

    /** ncnn's version ({@code ncnn_version()}, e.g. "1.0.20260526"), or "unknown". */
    public static String version() {
        if (UNAVAILABLE.isPresent()) {
            return "unknown";
        }
        return ncnn.ncnn_version().getString();
    }

    /** The {@code libncnn.so} file this process loaded (Linux), else the library's name. */
    public static String libraryFile() {
        return CHECK.libraryFile();
    }

    /** Usable with the library file, or unusable with the reason. */
    public static EngineAvailability availability() {
        return CHECK.availability();
    }

    /** Why Vulkan cannot run here, or empty when it can. */
    static Optional<String> vulkanUnusable() {
        if (ncnn.vulkanBuilt() == 0) {
            return Optional.of("this libncnn was built without Vulkan (NCNN_VULKAN=OFF; a Vulkan build also needs"
                    + " ncnn's glslang submodule or a system glslang)");
        }
        if (ncnn.gpuCount() <= 0) {
            return Optional.of("ncnn finds no Vulkan GPU on this machine");
        }
        return Optional.empty();
    }
}
