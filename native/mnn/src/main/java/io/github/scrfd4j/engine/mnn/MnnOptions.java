package io.github.scrfd4j.engine.mnn;

/**
 * MNN engine settings.
 *
 * @param device        where to run (CPU default)
 * @param threads       CPU threads per session
 * @param precision     {@code BackendConfig} precision: 0 normal, 1 high, 2 low (fp16 where supported)
 * @param allowFallback when the requested device is unavailable, run on the CPU and log a warning
 *                      instead of failing
 */
public record MnnOptions(MnnDevice device, int threads, int precision, boolean allowFallback) {
    public static final MnnOptions CPU = new MnnOptions(MnnDevice.CPU, 1, 0, false);

    public MnnOptions {
        if (device == null) {
            throw new IllegalArgumentException("device must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (precision < 0 || precision > 2) {
            throw new IllegalArgumentException("precision must be 0 (normal), 1 (high) or 2 (low), got " + precision);
        }
    }

    public MnnOptions withDevice(MnnDevice d) {
        return new MnnOptions(d, threads, precision, allowFallback);
    }

    public MnnOptions withThreads(int n) {
        return new MnnOptions(device, n, precision, allowFallback);
    }

    public MnnOptions withFallback(boolean allow) {
        return new MnnOptions(device, threads, precision, allow);
    }
}
