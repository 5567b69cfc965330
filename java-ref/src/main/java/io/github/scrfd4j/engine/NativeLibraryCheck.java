package io.github.scrfd4j.engine;

import java.util.Optional;

/**
 * Whether an engine's JNI library (built by its presets only where the runtime is installed) loads
 * here, checked once, and which runtime library file the process then mapped.
 */
public final class NativeLibraryCheck {
    private final String library;
    private final Optional<String> unavailable;

    /**
     * @param runtime  the runtime's name, e.g. "MNN"
     * @param jni      our JNI library's name, e.g. "jnimnn"
     * @param where    where the build looks for the runtime, e.g. "MNN_HOME, /opt/mnn or /usr/local"
     * @param presets  the presets module that builds the JNI library, e.g. "presets/mnn"
     * @param library  file name prefix of the runtime's own shared library, e.g. "libMNN.so"
     * @param load     loads the JNI library (JavaCPP's {@code Loader.load} of a peer class)
     */
    public NativeLibraryCheck(String runtime, String jni, String where, String presets, String library, Runnable load) {
        this.library = library;
        Optional<String> why;
        try {
            load.run();
            why = Optional.empty();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            why = Optional.of("the " + runtime + " JNI library (" + jni + ") is not available: it is built only where "
                    + runtime + " is installed (" + where + ") when " + presets + " is compiled; cause: " + e);
        }
        this.unavailable = why;
    }

    /** Empty when the runtime can be used; else the reason it cannot. */
    public Optional<String> unavailableReason() {
        return unavailable;
    }

    /** The runtime library file this process mapped (Linux), else its name. */
    public String libraryFile() {
        return LoadedLibraries.find(library).orElse(library);
    }

    /** Usable with the library file, or unusable with the reason. */
    public EngineAvailability availability() {
        return unavailable.map(EngineAvailability::unusable).orElseGet(() -> EngineAvailability.usable(libraryFile()));
    }
}
