package io.github.scrfd4j.engine.ort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.testsupport.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 8 threads, 5 photos, 20 rounds each: exactly the single-threaded faces, every time. */
class OrtConcurrencyTest {
    @Test
    void eightThreadsGetTheSingleThreadedResults() throws Exception {
        List<BgrImage> photos = new ArrayList<>();
        for (String p : SharedData.PHOTOS) {
            photos.add(ImageDecoder.read(SharedData.requireImage(p)));
        }
        try (Detector d = new Detector(new OrtEngine(SharedData.requireModel(OrtDetectionTest.MODEL), 1),
                DetectorOptions.DEFAULTS)) {
            List<List<Face>> expected = new ArrayList<>();
            for (BgrImage img : photos) {
                expected.add(d.detect(img));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    final int offset = t;
                    futures.add(pool.submit(() -> {
                        int checked = 0;
                        for (int round = 0; round < 20; round++) {
                            for (int k = 0; k < photos.size(); k++) {
                                int i = (k + offset) % photos.size(); // threads start on different photos
                                assertEquals(expected.get(i), d.detect(photos.get(i)), "photo " + i);
                                checked++;
                            }
                        }
                        return checked;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : futures) {
                    total += f.get();
                }
                assertEquals(8 * 20 * 5, total);
            } finally {
                pool.shutdownNow();
            }
            assertTrue(d.workerCount() <= 9, "workers are reused, not made per call: " + d.workerCount());
        }
    }
}
