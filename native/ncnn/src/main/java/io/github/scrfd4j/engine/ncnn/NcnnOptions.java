package io.github.scrfd4j.engine.ncnn;

/**
 * ncnn engine settings.
 *
 * @param device        CPU (default) or Vulkan
 * @param threads       ncnn threads (OpenMP) per run
 * @param precision     {@link NcnnPrecision#EXACT} (default) or ncnn's own {@link NcnnPrecision#FAST}
 * @param allowFallback when Vulkan is unusable, run on the CPU with a logged warning instead of failing
 * @param inputName     the blob the image goes into; null means the param file's single Input layer
 */
public record NcnnOptions(NcnnDevice device, int threads, NcnnPrecision precision, boolean allowFallback,
                          String inputName) {
    public static final NcnnOptions CPU = new NcnnOptions(NcnnDevice.CPU, 1, NcnnPrecision.EXACT, false, null);

    public NcnnOptions {
        if (device == null || precision == null) {
            throw new IllegalArgumentException("device and precision must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    public NcnnOptions withThreads(int n) {
        return new NcnnOptions(device, n, precision, allowFallback, inputName);
    }

    public NcnnOptions withDevice(NcnnDevice d) {
        return new NcnnOptions(d, threads, precision, allowFallback, inputName);
    }

    public NcnnOptions withPrecision(NcnnPrecision p) {
        return new NcnnOptions(device, threads, p, allowFallback, inputName);
    }

    public NcnnOptions withFallback(boolean allow) {
        return new NcnnOptions(device, threads, precision, allow, inputName);
    }

    public NcnnOptions withInputName(String name) {
        return new NcnnOptions(device, threads, precision, allowFallback, name);
    }
}
