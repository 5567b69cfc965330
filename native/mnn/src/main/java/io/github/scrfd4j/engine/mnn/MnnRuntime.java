package io.github.scrfd4j.engine.mnn;

import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.NativeLibraryCheck;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.mnn.Interpreter;
import org.bytedeco.mnn.global.mnn;

/** Whether the MNN JNI library (built only where MNN was installed) can be loaded here, and why not. */
public final class MnnRuntime {
    /** File name prefix of MNN's own shared library (not our JNI wrapper). */
    public static final String LIBRARY = "libMNN.so";

    private static final NativeLibraryCheck CHECK = new NativeLibraryCheck("MNN", "jnimnn",
            "MNN_HOME, /opt/mnn or /usr/local", "presets/mnn", LIBRARY, () -> Loader.load(Interpreter.class));
    private static final Optional<String> UNAVAILABLE = CHECK.unavailableReason();

    private MnnRuntime() {
    }

    /** Empty when MNN can be used; else the reason it cannot. */
    public static Optional<String> unavailableReason() {
        return UNAVAILABLE;
    }

    /** MNN's version ({@code MNN::getVersion()}), or "unknown" when MNN cannot be loaded. */
    public static String version() {
        if (UNAVAILABLE.isPresent()) {
            return "unknown";
        }
        try {
            return mnn.getVersion().getString();
        } catch (LinkageError e) {
            return "unknown";
        }
    }

    /** The {@code libMNN.so} file this process loaded (Linux), else the library's name. */
    public static String libraryFile() {
        return CHECK.libraryFile();
    }

    /** Usable with the library file, or unusable with the reason. */
    public static EngineAvailability availability() {
        return CHECK.availability();
    }
}
