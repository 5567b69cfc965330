package io.github.scrfd4j.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * Which file a native library was really loaded from. A self-check verdict is about one
 * {@code libTNN.so}, not about "TNN": {@code LD_LIBRARY_PATH}, RUNPATH and the loader cache decide
 * which one that is, so the check reports it. Linux only ({@code /proc/self/maps}); empty elsewhere.
 */
public final class LoadedLibraries {
    private static final Path MAPS = Paths.get("/proc/self/maps");
    private static final String DELETED = " (deleted)";

    private LoadedLibraries() {
    }

    /**
     * The mapped file whose name starts with {@code prefix} (for example {@code libTNN.so}), as the
     * kernel names it: the resolved path, with a {@code " (deleted)"} suffix when the file was removed
     * after loading (ONNX Runtime's Java binding deletes the copy it extracts).
     */
    public static Optional<String> find(String prefix) {
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
    static Optional<String> find(String prefix, List<String> mapsLines) {
        for (String line : mapsLines) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String entry = line.substring(slash);
            String path = entry.endsWith(DELETED) ? entry.substring(0, entry.length() - DELETED.length()) : entry;
            Path name = Paths.get(path).getFileName();
            if (name != null && name.toString().startsWith(prefix)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
