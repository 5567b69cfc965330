package io.github.scrfd4j.bench;

import io.github.scrfd4j.detect.BatchDetector;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.PhotoDecoders;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Images per second over the 30-photo mixed folder ({@link BenchPhotos}: 330p to 4000x3000 JPEGs),
 * what {@code scrfd4j detect DIR} does without printing: read, decode, letterbox, infer, post-process
 * each file: one image at a time on one thread ({@code none}), or pipelined ({@link BatchDetector}:
 * W decoding workers beside S inference streams, each stream an engine session with one thread).
 * Set-up requires every configuration to find the faces of the sequential run.
 */
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BenchPhotos.MIXED30)
@State(Scope.Thread)
public class FolderBenchmark {
    @Param({"ort", "mnn"})
    public String folderEngine;

    /** none: one image at a time on one thread; WwSs: W decoding workers, S inference streams. */
    @Param({"none", "1w1s", "1w2s", "2w2s"})
    public String pipeline;

    @Param({"opencv", "java"})
    public String decoder;

    private List<Path> files;
    private Detector detector;
    private PhotoDecoder photoDecoder;
    private int expectedFaces;
    private int workers;
    private int streams;

    @Setup(Level.Trial)
    public void setUp() {
        files = BenchPhotos.folder("mixed30");
        if (!pipeline.equals("none")) {
            workers = Integer.parseInt(pipeline.substring(0, pipeline.indexOf('w')));
            streams = Integer.parseInt(pipeline.substring(pipeline.indexOf('w') + 1, pipeline.indexOf('s')));
        }
        if (files.size() != BenchPhotos.MIXED30) {
            throw new IllegalStateException("mixed folder has " + files.size() + " files");
        }
        detector = new Detector(Engines.open(folderEngine, 1), DetectorOptions.DEFAULTS);
        photoDecoder = PhotoDecoders.named(decoder);
        for (Path p : files) {
            expectedFaces += detector.detect(p).size();
        }
        int got = run();
        if (got != expectedFaces) {
            throw new IllegalStateException("batch found " + got + " faces, sequential " + expectedFaces);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
    }

    @Benchmark
    public int folder() {
        return run();
    }

    private int run() {
        int[] faces = {0};
        if (pipeline.equals("none")) {
            for (Path p : files) {
                List<Face> f = detector.detect(photoDecoder.read(p, ImageDecoder.DEFAULT_MAX_PIXELS));
                faces[0] += f.size();
            }
            return faces[0];
        }
        new BatchDetector(detector, photoDecoder, workers, streams, ImageDecoder.DEFAULT_MAX_PIXELS, false).run(files, item -> {
            if (!item.ok()) {
                throw item.error();
            }
            faces[0] += item.faces().size();
        });
        return faces[0];
    }
}
