package io.github.scrfd4j.detect;

import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.PhotoDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Faces in many image files, pipelined: {@code workers} threads read, decode and letterbox the next
 * images while the engine runs on the current one, on the calling thread. Results reach the
 * consumer in input order, on the calling thread; one bad file gives an {@link Item} with its error
 * and never stops the batch. Memory is bounded whatever the number of files: at most
 * {@code workers + 2} prepared inputs exist (each a canvas and a float tensor, allocated once), so at
 * most that many decoded images are alive at a time.
 *
 * <p>Faces are identical to {@link Detector#detect(Path, long)} of each file: the same decoder, the
 * same letterbox and tensor code, the same engine session.
 */
public final class BatchDetector {
    private final Detector detector;
    private final PhotoDecoder decoder;
    private final int workers;
    private final long maxPixels;
    private final boolean keepImages;

    /**
     * @param detector   the detector (its engine runs on the thread that calls {@link #run})
     * @param decoder    how files are decoded
     * @param workers    decoding threads, at least 1 (see {@link #defaultWorkers(int)})
     * @param maxPixels  pixel budget per image (refused before decoding)
     * @param keepImages whether each {@link Item} carries its decoded image (to draw on it); without it
     *                   images are dropped as soon as they are letterboxed
     */
    public BatchDetector(Detector detector, PhotoDecoder decoder, int workers, long maxPixels, boolean keepImages) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        this.detector = detector;
        this.decoder = decoder;
        this.workers = workers;
        this.maxPixels = maxPixels;
        this.keepImages = keepImages;
    }

    /**
     * Decoding threads that keep every core busy beside the engine: the cores left after the engine's
     * threads ({@code 0} = the engine's default, taken as all cores), at least 1.
     */
    public static int defaultWorkers(int engineThreads) {
        int cores = Runtime.getRuntime().availableProcessors();
        int engine = engineThreads <= 0 ? cores : engineThreads;
        return Math.max(1, cores - engine);
    }

    /** The decoding threads this batch uses. */
    public int workers() {
        return workers;
    }

    /**
     * One image's outcome.
     *
     * @param index         position in the input list
     * @param path          the file
     * @param width         decoded width, 0 when decoding failed
     * @param height        decoded height, 0 when decoding failed
     * @param image         the decoded image when {@code keepImages}, else null
     * @param faces         the faces, empty on error
     * @param prepareMillis reading, decoding and letterboxing (on a worker)
     * @param detectMillis  engine and post-processing (on the calling thread)
     * @param error         why the image failed, or null
     */
    public record Item(int index, Path path, int width, int height, BgrImage image, List<Face> faces,
                       double prepareMillis, double detectMillis, RuntimeException error) {
        public boolean ok() {
            return error == null;
        }
    }

    private record Prepared(Detector.PreparedInput input, BgrImage image, int width, int height, double millis,
                            RuntimeException error) {
    }

    /**
     * Runs the batch; {@code sink} is called once per path, in order, on this thread.
     *
     * @throws IllegalStateException when the detector is closed
     * @throws RuntimeException      whatever {@code sink} throws (the workers are stopped first)
     */
    public void run(List<Path> paths, Consumer<Item> sink) {
        int n = paths.size();
        if (n == 0) {
            return;
        }
        int slots = Math.min(n, workers) + 2;
        BlockingQueue<Detector.PreparedInput> free = new ArrayBlockingQueue<>(slots);
        for (int k = 0; k < slots; k++) {
            free.add(detector.newPreparedInput());
        }
        List<CompletableFuture<Prepared>> ready = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ready.add(new CompletableFuture<>());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger threadNo = new AtomicInteger();
        int threads = Math.min(workers, n);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scrfd4j-decode-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < threads; w++) {
                pool.execute(() -> prepareLoop(paths, free, ready, next));
            }
            for (int i = 0; i < n; i++) {
                Prepared p = await(ready.get(i));
                Item item;
                if (p.error() != null) {
                    item = new Item(i, paths.get(i), 0, 0, null, List.of(), p.millis(), 0, p.error());
                } else {
                    long t0 = System.nanoTime();
                    try {
                        List<Face> faces = detector.detect(p.input());
                        item = new Item(i, paths.get(i), p.width(), p.height(), p.image(), faces, p.millis(),
                                (System.nanoTime() - t0) / 1e6, null);
                    } catch (IllegalStateException e) {
                        throw e; // the detector was closed under us: no point going on
                    } catch (RuntimeException e) {
                        item = new Item(i, paths.get(i), p.width(), p.height(), p.image(), List.of(), p.millis(),
                                (System.nanoTime() - t0) / 1e6, e);
                    } finally {
                        free.add(p.input());
                    }
                }
                sink.accept(item);
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A worker takes a free slot before it takes the next index, so the lowest unfinished index
     * always holds a slot: the consumer can never wait for an image that waits for a slot.
     */
    private void prepareLoop(List<Path> paths, BlockingQueue<Detector.PreparedInput> free,
                             List<CompletableFuture<Prepared>> ready, AtomicInteger next) {
        while (true) {
            Detector.PreparedInput slot;
            try {
                slot = free.take();
            } catch (InterruptedException e) {
                return;
            }
            int i = next.getAndIncrement();
            if (i >= paths.size()) {
                free.add(slot);
                return;
            }
            long t0 = System.nanoTime();
            try {
                BgrImage image = decoder.read(paths.get(i), maxPixels);
                detector.prepare(image, slot);
                ready.get(i).complete(new Prepared(slot, keepImages ? image : null, image.width(), image.height(),
                        (System.nanoTime() - t0) / 1e6, null));
            } catch (RuntimeException e) {
                free.add(slot);
                ready.get(i).complete(new Prepared(null, null, 0, 0, (System.nanoTime() - t0) / 1e6, e));
            } catch (Throwable t) {
                free.add(slot);
                ready.get(i).completeExceptionally(t);
                return;
            }
        }
    }

    private static Prepared await(CompletableFuture<Prepared> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException("decoding worker failed: " + c, c);
        }
    }
}
