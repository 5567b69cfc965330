package io.github.scrfd4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecodeException;
import io.github.scrfd4j.image.PhotoDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipelined batch against one {@code Detector.detect(path)} per file, with a picture-dependent engine. */
class BatchDetectorTest {
    private static final int SIDE = 64;
    private static final DetectorOptions OPTIONS = DetectorOptions.DEFAULTS.withScoreThreshold(0.6f);

    @TempDir
    static Path dir;
    static List<Path> files = new ArrayList<>();

    /** Twelve PNGs of varied sizes with a bright square in a different place each; a corrupt file and a missing one. */
    @BeforeAll
    static void makeImages() throws IOException {
        for (int i = 0; i < 12; i++) {
            int w = 40 + 13 * i;
            int h = 30 + 7 * (11 - i);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            int x0 = (i * 17) % (w - 12);
            int y0 = (i * 11) % (h - 12);
            for (int y = y0; y < y0 + 12; y++) {
                for (int x = x0; x < x0 + 12; x++) {
                    img.setRGB(x, y, 0xFFFFFF);
                }
            }
            Path p = dir.resolve(String.format("img%02d.png", i));
            ImageIO.write(img, "png", p.toFile());
            files.add(p);
            if (i == 4) {
                Path bad = dir.resolve("corrupt.png");
                Files.write(bad, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
                files.add(bad);
            }
            if (i == 8) {
                files.add(dir.resolve("missing.jpg"));
            }
        }
    }

    private static Detector detector() {
        return new Detector(new BrightCellEngine(SIDE), OPTIONS);
    }

    @Test
    void sameFacesInTheSameOrderAsOneByOne() {
        List<List<Face>> expected = new ArrayList<>();
        List<String> expectedErrors = new ArrayList<>();
        try (Detector d = detector()) {
            for (Path p : files) {
                try {
                    expected.add(d.detect(p, 1 << 20));
                    expectedErrors.add(null);
                } catch (ImageDecodeException e) {
                    expected.add(List.of());
                    expectedErrors.add(e.getMessage());
                }
            }
        }
        assertTrue(expected.stream().anyMatch(f -> !f.isEmpty()), "the test engine found nothing");
        assertTrue(expected.stream().map(List::size).distinct().count() > 1 || distinctBoxes(expected),
                "every image gave the same answer: the test could not see a mix-up");
        for (int[] ws : new int[][] {{1, 1}, {2, 1}, {3, 2}, {7, 3}, {1, 4}}) {
            int workers = ws[0];
            List<BatchDetector.Item> items = new ArrayList<>();
            try (Detector d = detector()) {
                new BatchDetector(d, PhotoDecoder.java(), workers, ws[1], 1 << 20, false).run(files, items::add);
            }
            assertEquals(files.size(), items.size());
            for (int i = 0; i < files.size(); i++) {
                BatchDetector.Item it = items.get(i);
                assertEquals(i, it.index());
                assertEquals(files.get(i), it.path());
                assertEquals(expectedErrors.get(i), it.error() == null ? null : it.error().getMessage(),
                        "workers=" + workers + " " + it.path());
                assertEquals(java.util.Optional.empty(), FaceComparison.EXACT.firstDifferenceInOrder(expected.get(i), it.faces()),
                        "workers=" + workers + " " + it.path());
                assertNull(it.image());
            }
        }
    }

    private static boolean distinctBoxes(List<List<Face>> all) {
        return all.stream().filter(f -> !f.isEmpty()).map(f -> f.get(0).box().toString()).distinct().count() > 1;
    }

    @Test
    void decodedImagesInMemoryStayBounded() {
        AtomicInteger decoded = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        PhotoDecoder counting = new PhotoDecoder() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public String description() {
                return "counting";
            }

            @Override
            public BgrImage decode(byte[] encoded, String name, long maxPixels) {
                BgrImage img = PhotoDecoder.java().decode(encoded, name, maxPixels);
                int alive = decoded.incrementAndGet() - consumed.get();
                peak.accumulateAndGet(alive, Math::max);
                return img;
            }
        };
        List<Path> many = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            many.addAll(files.subList(0, 4));
        }
        int workers = 3;
        int streams = 2;
        try (Detector d = detector()) {
            new BatchDetector(d, counting, workers, streams, 1 << 20, true).run(many, item -> {
                assertFalse(item.image() == null && item.ok());
                consumed.incrementAndGet();
                sleep(5); // a slow consumer: the workers run ahead as far as the slots let them
            });
        }
        assertEquals(many.size(), consumed.get());
        // every decoded image holds a slot (workers + streams + 1) until consumed; a worker may hold one more
        // decoded image while it waits for nothing (it took its slot first)
        assertTrue(peak.get() <= workers + streams + 1, "decoded images alive at once: " + peak.get());
        assertTrue(peak.get() >= 2, "the workers never ran ahead: " + peak.get());
    }

    @Test
    void aFailingConsumerStopsTheBatchWithoutHanging() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Detector d = detector()) {
                AtomicInteger seen = new AtomicInteger();
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                        new BatchDetector(d, PhotoDecoder.java(), 2, 1 << 20, false).run(files, item -> {
                            if (seen.incrementAndGet() == 3) {
                                throw new IllegalArgumentException("consumer gave up");
                            }
                        }));
                assertEquals("consumer gave up", e.getMessage());
                assertEquals(3, seen.get());
            }
        });
    }

    @Test
    void closedDetectorAndBadArgumentsAreRefused() {
        Detector d = detector();
        d.close();
        assertThrows(IllegalStateException.class,
                () -> new BatchDetector(d, PhotoDecoder.java(), 1, 100, false).run(files, item -> { }));
        try (Detector open = detector()) {
            assertThrows(IllegalArgumentException.class, () -> new BatchDetector(open, PhotoDecoder.java(), 0, 100, false));
            assertThrows(IllegalArgumentException.class, () -> new BatchDetector(open, PhotoDecoder.java(), 1, 0, false));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, BatchDetector.defaultStreams(1));
        assertEquals(1, BatchDetector.defaultStreams(0));
        assertEquals(Math.max(1, cores / 2), BatchDetector.defaultStreams(2));
        assertEquals(1, BatchDetector.defaultWorkers(1));
        assertEquals(1, BatchDetector.defaultWorkers(4));
        assertEquals(2, BatchDetector.defaultWorkers(5));
        assertThrows(IllegalArgumentException.class, () -> new BatchDetector(detector(), PhotoDecoder.java(), 1, 0, 100,
                false));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
