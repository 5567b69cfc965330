package io.github.scrfd4j.bench;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.FaceComparison;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.PhotoDecoders;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * File bytes in, faces out, per engine and decoder: decode, letterbox, tensor, inference and
 * post-processing of one photo, what a caller of {@code detect(path)} pays (the file is read once at
 * set-up so that disk caching is out of the figure). Set-up requires the faces to equal those of
 * the engine on the pure-Java decoder's pixels.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class PhotoToFacesBenchmark {
    @Param({"ort", "java", "mnn", "tnn", "ncnn"})
    public String engine;

    @Param({"java", "opencv"})
    public String decoder;

    @Param({"4.jpg", "12mp.jpg"})
    public String photo;

    private Detector detector;
    private PhotoDecoder photoDecoder;
    private byte[] bytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        bytes = Files.readAllBytes(BenchPhotos.photo(photo));
        detector = new Detector(Engines.open(engine, 1), DetectorOptions.DEFAULTS);
        photoDecoder = PhotoDecoders.named(decoder);
        List<Face> reference = detector.detect(ImageDecoder.decode(bytes, photo));
        Equivalence.require(decoder + " decoder vs java decoder faces",
                FaceComparison.EXACT.firstDifferenceInOrder(reference, photoToFaces()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
    }

    @Benchmark
    public List<Face> photoToFaces() {
        return detector.detect(photoDecoder.decode(bytes, photo, ImageDecoder.DEFAULT_MAX_PIXELS));
    }
}
