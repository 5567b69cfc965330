package io.github.scrfd4j.engine.tnn;

import io.github.scrfd4j.engine.LoadedLibraries;
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
    private static final Optional<String> UNAVAILABLE = probe();

    private TnnRuntime() {
    }

    private static Optional<String> probe() {
        try {
            Loader.load(TNN.class);
            return Optional.empty();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.of("the TNN JNI library (jnitnn) is not available: it is built only where TNN is"
                    + " installed (TNN_HOME, /opt/tnn or /usr/local) when presets/tnn is compiled; cause: " + e);
        }
    }

    /** Empty when TNN can be used; else the reason it cannot. */
    public static Optional<String> unavailableReason() {
        return UNAVAILABLE;
    }

    /** The {@code libTNN.so} file this process loaded (Linux), else the library's name. */
    public static String libraryFile() {
        return LoadedLibraries.find(LIBRARY).orElse(LIBRARY);
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
