package io.github.scrfd4j.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenCL device types of this machine as {@code clinfo} reports them: a source independent of
 * the engines under test, to know what an engine's OpenCL device should do here.
 */
public final class OpenClDevices {
    private static final Optional<List<String>> TYPES = probe();

    private OpenClDevices() {
    }

    private static Optional<List<String>> probe() {
        try {
            ChildProcess.Result r = ChildProcess.run(List.of("clinfo"), Map.of(), Duration.ofSeconds(60));
            if (r.exit() != 0) {
                return Optional.empty();
            }
            List<String> types = new ArrayList<>();
            for (String line : r.out().split("\\R")) {
                String t = line.trim();
                if (t.startsWith("Device Type")) {
                    types.add(t.substring("Device Type".length()).trim().toUpperCase(Locale.ROOT));
                }
            }
            return Optional.of(List.copyOf(types));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Device types ("CPU", "GPU", ...) of every platform; empty when clinfo is missing or fails. */
    public static Optional<List<String>> types() {
        return TYPES;
    }

    /** True when clinfo ran and listed no GPU-type device. */
    public static boolean knownToHaveNoGpu() {
        return TYPES.map(t -> t.stream().noneMatch(s -> s.contains("GPU"))).orElse(false);
    }

    /** True when clinfo ran and listed a GPU-type device. */
    public static boolean knownToHaveGpu() {
        return TYPES.map(t -> t.stream().anyMatch(s -> s.contains("GPU"))).orElse(false);
    }

    /**
     * Whether an unversioned {@code libOpenCL.so} (the name TNN dlopens) is where the dynamic loader
     * looks: {@code LD_LIBRARY_PATH}, then the usual library directories.
     */
    public static boolean unversionedLoaderPresent() {
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib/arm-linux-gnueabihf",
                "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib", "/usr/lib64"));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.exists(Paths.get(dir, "libOpenCL.so"))) {
                return true;
            }
        }
        return false;
    }
}
