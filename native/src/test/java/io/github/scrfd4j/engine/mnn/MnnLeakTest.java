package io.github.scrfd4j.engine.mnn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Create, detect, close in a loop: the resident set must stay flat. CI runs a short loop;
 * {@code -Dscrfd.leak.iterations=10000} runs the long one.
 */
class MnnLeakTest {
    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void createDetectCloseKeepsRssFlat() throws IOException {
        MnnEngineTest.requireMnn();
        assertTrue(Files.exists(Paths.get("/proc/self/status")) || true);
        var model = SharedData.requireModel(MnnEngineTest.MNN_MODEL);
        BgrImage img = ImageDecoder.read(SharedData.requireImage("6.jpg"));
        int n = Integer.getInteger("scrfd.leak.iterations", 150);
        int warm = Math.max(20, n / 10);
        long start = 0;
        long max = 0;
        for (int i = 0; i < n; i++) {
            try (Detector d = new Detector(new MnnEngine(model, MnnOptions.CPU), DetectorOptions.DEFAULTS)) {
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
        System.out.printf("MNN create/detect/close x%d: RSS after warm-up %d KB, max %d KB, end %d KB (growth %d KB)%n",
                n, start, max, end, end - start);
        // a leaked interpreter or session is ~10 MB: even one per 100 iterations would show
        assertTrue(end - start < 32 * 1024, "RSS grew by " + (end - start) + " KB over " + n + " iterations");
    }
}
