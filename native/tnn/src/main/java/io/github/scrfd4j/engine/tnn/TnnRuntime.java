package io.github.scrfd4j.engine.tnn;

import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.NativeLibraryCheck;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.tnn.TNN;

/** Whether the TNN JNI library (built only where TNN was installed) can be loaded here, and why not. */
public final class TnnRuntime {
    /** File name prefix of TNN's own shared library (not our JNI wrapper). */
    public static final String LIBRARY = "libTNN.so";

    private static final Pattern VERSIONED = Pattern.compile("libTNN\\.so\\.(\\d+(?:\\.\\d+)*)");
    private static final NativeLibraryCheck CHECK = new NativeLibraryCheck("TNN", "jnitnn",
            "TNN_HOME, /opt/tnn or /usr/local", "presets/tnn", LIBRARY, () -> Loader.load(TNN.class));
    private static final Optional<String> UNAVAILABLE = CHECK.unavailableReason();

    private TnnRuntime() {
    }

    /** Empty when TNN can be used; else the reason it cannot. */
    public static Optional<String> unavailableReason() {
        return UNAVAILABLE;
    }

    /** The {@code libTNN.so} file this process loaded (Linux), else the library's name. */
    public static String libraryFile() {
        return CHECK.libraryFile();
    }

    /** Usable with the library file, or unusable with the reason. */
    public static EngineAvailability availability() {
        return CHECK.availability();
    }

    /**
     * TNN's version as its build names the library file ({@code libTNN.so.0.3.0.0}): TNN has no
     * version function. "unknown" when TNN is not loaded or the file is unversioned.
     */
    public static String version() {
        if (UNAVAILABLE.isPresent()) {
            return "unknown";
        }
        Matcher m = VERSIONED.matcher(libraryFile());
        return m.find() ? m.group(1) : "unknown";
    }
}
