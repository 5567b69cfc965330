package io.github.scrfd4j.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OpenCL device types of this machine as {@code clinfo} reports them: a source independent of
 * the engines under test, to know what an engine's OpenCL device should do here.
 */
public final class OpenClDevices {
    private OpenClDevices() {
    }

    /** Device types ("CPU", "GPU", ...) of every platform; empty when clinfo is missing or fails. */
    public static Optional<List<String>> types() {
        try {
            Process p = new ProcessBuilder("clinfo").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            List<String> types = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\\R")) {
                String t = line.trim();
                if (t.startsWith("Device Type")) {
                    types.add(t.substring("Device Type".length()).trim().toUpperCase(Locale.ROOT));
                }
            }
            return Optional.of(types);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether the unversioned {@code libOpenCL.so} (what TNN dlopens) is in a standard library directory. */
    public static boolean unversionedLoaderPresent() {
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib",
            "/usr/local/lib", "/usr/lib64"}) {
            if (java.nio.file.Files.exists(java.nio.file.Paths.get(dir, "libOpenCL.so"))) {
                return true;
            }
        }
        return false;
    }

    /** True when clinfo ran and listed no GPU-type device. */
    public static boolean knownToHaveNoGpu() {
        return types().map(t -> t.stream().noneMatch(s -> s.contains("GPU"))).orElse(false);
    }
}
