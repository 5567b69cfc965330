package io.github.scrfd4j.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Locates {@code ../shared} (models and photos that must not be copied into the repository) through
 * the {@code scrfd.shared} system property the build sets. Tests that need it call the
 * {@code require*} methods, which skip the test with the reason when it is absent.
 */
public final class SharedData {
    public static final String PROPERTY = "scrfd.shared";
    /** The photos and their published {@code cv::imread} BGR byte sums. */
    public static final List<String> PHOTOS = List.of("1.jpg", "4.jpg", "6.jpg", "9.jpg", "12.jpg");

    private SharedData() {
    }

    /** The shared directory, or null with the reason in {@link #whyMissing()}. */
    public static Path root() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            return null;
        }
        Path dir = Paths.get(p).toAbsolutePath().normalize();
        return Files.isDirectory(dir) ? dir : null;
    }

    public static String whyMissing() {
        String p = System.getProperty(PROPERTY);
        return p == null ? "system property " + PROPERTY + " is not set (run through Maven, which sets it)"
                : "shared data directory " + p + " (from -D" + PROPERTY + ") does not exist";
    }

    /** Skips the calling test unless ../shared is present. */
    public static Path requireRoot() {
        Path r = root();
        assumeTrue(r != null, () -> "skipped: " + whyMissing());
        return r;
    }

    public static Path requireImage(String name) {
        Path p = requireRoot().resolve("testdata/images").resolve(name);
        assumeTrue(Files.isRegularFile(p), () -> "skipped: photo " + p + " is missing");
        return p;
    }

    public static Path requireModel(String file) {
        Path p = requireRoot().resolve("models").resolve(file);
        assumeTrue(Files.isRegularFile(p), () -> "skipped: model " + p + " is missing");
        return p;
    }

    /** All photos in ../shared/testdata/images. */
    public static List<Path> requireAllImages() {
        Path dir = requireRoot().resolve("testdata/images");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.filter(f -> f.toString().endsWith(".jpg")).sorted().collect(Collectors.toList());
            assumeTrue(!all.isEmpty(), () -> "skipped: no photos in " + dir);
            return all;
        } catch (IOException e) {
            assumeTrue(false, () -> "skipped: cannot list " + dir + ": " + e);
            return List.of();
        }
    }
}
