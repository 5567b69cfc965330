package io.github.scrfd4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.testsupport.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One detector from several threads: every call returns exactly the single-threaded faces. */
public final class ConcurrentDetectCheck {
    private ConcurrentDetectCheck() {
    }

    public static void sameFacesFromThreads(Detector d, int threads) throws Exception {
        List<BgrImage> imgs = new ArrayList<>();
        List<List<Face>> expected = new ArrayList<>();
        for (String name : SharedData.PHOTOS) {
            imgs.add(ImageDecoder.read(SharedData.requireImage(name)));
            expected.add(d.detect(imgs.get(imgs.size() - 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int off = t;
                fs.add(pool.submit(() -> {
                    for (int k = 0; k < 2 * imgs.size(); k++) {
                        int i = (k + off) % imgs.size();
                        assertEquals(expected.get(i), d.detect(imgs.get(i)), "photo " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
