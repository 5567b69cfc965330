package io.github.scrfd4j.engine.tnn;

import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.tnn.TNN;

/** Whether the TNN JNI library (built only where TNN was installed) can be loaded here, and why not. */
public final class TnnRuntime {
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
}
