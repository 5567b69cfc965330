package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.engine.LoadedLibraries;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.ncnn.global.ncnn;

/** Whether the ncnn JNI library (built only where ncnn was installed) can be loaded here, and why not. */
public final class NcnnRuntime {
    /** File name prefix of ncnn's own shared library (not our JNI wrapper). */
    public static final String LIBRARY = "libncnn.so";

    private static final Optional<String> UNAVAILABLE = probe();

    private NcnnRuntime() {
    }

    private static Optional<String> probe() {
        try {
            Loader.load(ncnn.class);
            return Optional.empty();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.of("the ncnn JNI library (jnincnn) is not available: it is built only where ncnn is"
                    + " installed (NCNN_HOME, /opt/ncnn or /usr/local) when presets/ncnn is compiled; cause: " + e);
        }
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
        return LoadedLibraries.find(LIBRARY).orElse(LIBRARY);
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
