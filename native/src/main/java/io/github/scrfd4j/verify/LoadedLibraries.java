package io.github.scrfd4j.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which file a native library was really loaded from. A self-check verdict is about one
 * {@code libTNN.so}, not about "TNN": {@code LD_LIBRARY_PATH}, RUNPATH and the loader cache decide
 * which one that is, so the check reports it. Linux only ({@code /proc/self/maps}); empty elsewhere.
 */
public final class LoadedLibraries {
    private static final Path MAPS = Paths.get("/proc/self/maps");

    private LoadedLibraries() {
    }

    /**
     * The mapped file whose name starts with {@code prefix} (for example {@code libTNN.so}), if this
     * process has one mapped and the platform can tell.
     */
    public static Optional<Path> find(String prefix) {
        if (!Files.isReadable(MAPS)) {
            return Optional.empty();
        }
        try {
            return find(prefix, Files.readAllLines(MAPS));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** {@link #find(String)} over the lines of a {@code maps} file. */
    static Optional<Path> find(String prefix, List<String> mapsLines) {
        Set<String> paths = new LinkedHashSet<>();
        for (String line : mapsLines) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = line.substring(slash).replace(" (deleted)", "");
            Path file = Paths.get(path);
            if (file.getFileName() != null && file.getFileName().toString().startsWith(prefix)) {
                paths.add(path);
            }
        }
        return paths.stream().findFirst().map(Paths::get);
    }
}
