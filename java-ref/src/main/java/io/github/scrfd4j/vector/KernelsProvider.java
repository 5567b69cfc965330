package io.github.scrfd4j.vector;

import java.lang.invoke.MethodHandles;
import java.util.Locale;

/**
 * Chooses the kernels once per JVM, in the manner of Lucene's {@code VectorizationProvider}: the
 * Vector API implementation when {@code jdk.incubator.vector} is readable, else the scalar one,
 * saying once in the log how to enable the faster path.
 *
 * <p>System property {@value #PROPERTY}: {@code auto} (default), {@code scalar} or {@code vector}
 * (fails when the module is missing rather than silently measuring the wrong thing).
 */
public final class KernelsProvider {
    /** Selects the implementation: auto, scalar or vector. */
    public static final String PROPERTY = "scrfd4j.kernels";
    private static final System.Logger LOG = System.getLogger(KernelsProvider.class.getName());

    private KernelsProvider() {
    }

    /** The kernels chosen for this JVM. */
    public static Kernels get() {
        return Holder.INSTANCE;
    }

    /** The scalar kernels, always available. */
    public static Kernels scalar() {
        return new ScalarKernels();
    }

    /** True when the Vector API module is in the boot layer. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The Vector API kernels; throws {@link IllegalStateException} naming the fix when the module is absent. */
    public static Kernels vector() {
        if (!vectorModulePresent()) {
            throw new IllegalStateException("jdk.incubator.vector is not readable: start the JVM with "
                    + "--add-modules jdk.incubator.vector to use the Vector API kernels");
        }
        try {
            Class<?> c = Class.forName("io.github.scrfd4j.vector.PanamaKernels");
            return (Kernels) MethodHandles.lookup().findConstructor(c,
                    java.lang.invoke.MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the Vector API kernels: " + e, e);
        }
    }

    /** The convolution kernels chosen for this JVM, by the same rule and property as {@link #get()}. */
    public static ConvKernels conv() {
        return Holder.CONV;
    }

    /** The Vector API convolution kernels; throws {@link IllegalStateException} naming the fix when the module is absent. */
    public static ConvKernels convVector() {
        if (!vectorModulePresent()) {
            throw new IllegalStateException("jdk.incubator.vector is not readable: start the JVM with "
                    + "--add-modules jdk.incubator.vector to use the Vector API kernels");
        }
        try {
            Class<?> c = Class.forName("io.github.scrfd4j.vector.PanamaConvKernels");
            return (ConvKernels) MethodHandles.lookup().findConstructor(c,
                    java.lang.invoke.MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the Vector API convolution kernels: " + e, e);
        }
    }

    private static Kernels choose() {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "scalar":
                LOG.log(System.Logger.Level.INFO, "scrfd4j: scalar kernels (forced by -D" + PROPERTY + "=scalar)");
                return scalar();
            case "vector":
                return vector();
            case "auto":
                break;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + " must be auto, scalar or vector, got " + mode);
        }
        if (!vectorModulePresent()) {
            LOG.log(System.Logger.Level.INFO, "scrfd4j: jdk.incubator.vector is not readable, using scalar kernels;"
                    + " add --add-modules jdk.incubator.vector to the JVM options to enable the Vector API");
            return scalar();
        }
        try {
            return vector();
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "scrfd4j: " + e.getMessage() + "; using scalar kernels");
            return scalar();
        }
    }

    private static final class Holder {
        static final Kernels INSTANCE = choose();
        static final ConvKernels CONV = INSTANCE.isVectorized() ? convVector() : new ScalarConvKernels();
    }
}
