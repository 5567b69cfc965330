package io.github.scrfd4j.engine.mnn;

import io.github.scrfd4j.engine.LoadedLibraries;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.mnn.Interpreter;
import org.bytedeco.mnn.global.mnn;

/** Whether the MNN JNI library (built only where MNN was installed) can be loaded here, and why not. */
public final class MnnRuntime {
    /** File name prefix of MNN's own shared library (not our JNI wrapper). */
    public static final String LIBRARY = "libMNN.so";

    private static final Optional<String> UNAVAILABLE = probe();

    private MnnRuntime() {
    }

    private static Optional<String> probe() {
        try {
            Loader.load(Interpreter.class);
            return Optional.empty();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.of("the MNN JNI library (jnimnn) is not available: it is built only where MNN is"
                    + " installed (MNN_HOME, /opt/mnn or /usr/local) when presets/mnn is compiled; cause: " + e);
        }
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
        return LoadedLibraries.find(LIBRARY).orElse(LIBRARY);
    }
}
