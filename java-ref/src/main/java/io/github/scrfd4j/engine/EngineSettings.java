package io.github.scrfd4j.engine;

import java.util.Objects;

/**
 * How to run an engine, in the words every engine understands.
 *
 * @param threads       inference threads per session; 0 means the engine's own default
 * @param device        one of the provider's {@link EngineProvider#devices()}; {@code "cpu"} works everywhere
 * @param allowFallback when the device is unusable, run on the CPU with a logged warning instead of failing
 * @param precision     {@link EnginePrecision#EXACT} (default) or the runtime's faster reduced-precision modes
 */
public record EngineSettings(int threads, String device, boolean allowFallback, EnginePrecision precision) {
    /** One CPU thread, no fallback, exact: the settings of the reference measurements. */
    public static final EngineSettings CPU = new EngineSettings(1, "cpu", false);

    public EngineSettings {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
    }

    /** Exact precision. */
    public EngineSettings(int threads, String device, boolean allowFallback) {
        this(threads, device, allowFallback, EnginePrecision.EXACT);
    }

    /** The thread count for engines that have no "default" setting: at least one. */
    public int threadsOrOne() {
        return Math.max(1, threads);
    }

    public EngineSettings withThreads(int n) {
        return new EngineSettings(n, device, allowFallback, precision);
    }

    public EngineSettings withDevice(String d) {
        return new EngineSettings(threads, d, allowFallback, precision);
    }

    public EngineSettings withPrecision(EnginePrecision p) {
        return new EngineSettings(threads, device, allowFallback, p);
    }
}
