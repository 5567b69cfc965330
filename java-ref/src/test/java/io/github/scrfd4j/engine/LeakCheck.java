package io.github.scrfd4j.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.image.BgrImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.function.Supplier;

/**
 * Create, detect, close in a loop: the resident set must stay flat. Tests run a short loop;
 * {@code -Dscrfd.leak.iterations=10000} (through {@code -Dsurefire.extraArgs=...}) runs the long one.
 * For a long run add {@code -Xms512m -Xmx512m -XX:+AlwaysPreTouch} to the same extra arguments: the Java
 * heap is then resident from the start, so RSS growth is native memory only (with a growing G1 heap a
 * 1,000-iteration TNN run showed 24 MB of heap growth; pre-touched, 228 KB).
 */
public final class LeakCheck {
    private LeakCheck() {
    }

    public static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    public static void createDetectClose(String label, Supplier<Detector> factory, BgrImage img, int defaultIterations)
            throws IOException {
        int n = Integer.getInteger("scrfd.leak.iterations", defaultIterations);
        // the JVM heap settles during the first half; the second half must not grow
        int warm = Math.max(20, n / 2);
        long start = 0;
        long max = 0;
        for (int i = 0; i < n; i++) {
            try (Detector d = factory.get()) {
                d.detect(img);
            }
            if (i == warm) {
                System.gc();
                start = rssKb();
            }
            if (i > warm && i % 10 == 0) {
                max = Math.max(max, rssKb());
            }
        }
        System.gc();
        long end = rssKb();
        System.out.printf("%s create/detect/close x%d: RSS after %d warm-up loops %d KB, max %d KB, end %d KB"
                + " (growth %d KB)%n", label, n, warm, start, max, end, end - start);
        // a leaked interpreter or session is megabytes: even one per 100 iterations would show
        assertTrue(end - start < 32 * 1024, label + ": RSS grew by " + (end - start) + " KB over " + n + " iterations");
    }
}
