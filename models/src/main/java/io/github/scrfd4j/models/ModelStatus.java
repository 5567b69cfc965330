package io.github.scrfd4j.models;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether one manifest file is present locally, where, and whether it verified.
 * Used by the {@code scrfd4j models} command.
 *
 * @param file     the manifest row
 * @param location where the file was found (the place {@link ModelResolver#resolve} would use)
 * @param path     the local file, or null when missing
 * @param verified size and SHA-256 match the manifest
 * @param problem  why it did not verify, or null
 */
public record ModelStatus(ModelFile file, Location location, Path path, boolean verified, String problem) {

    /** Where a file was found. */
    public enum Location {
        /** In the directory named by {@code $SCRFD4J_MODELS}. */
        MODELS_DIR,
        /** In the user cache directory. */
        CACHE,
        /** Not present locally. */
        MISSING
    }

    public ModelStatus {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
        if ((location == Location.MISSING) != (path == null)) {
            throw new IllegalArgumentException("path must be null exactly when missing");
        }
    }

    /** True when a local copy exists (verified or not). */
    public boolean present() {
        return location != Location.MISSING;
    }
}
