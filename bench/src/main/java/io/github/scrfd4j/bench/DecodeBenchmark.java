package io.github.scrfd4j.bench;

import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.PhotoDecoders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
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
 * A JPEG file's bytes (in memory) to BGR pixels: the pure-Java decoder, our OpenCV decoder (imdecode
 * plus the copy into a Java {@code BgrImage}), and the baseline, {@code cv::imdecode} as a C++
 * program calls it (input buffer wrapped once, output {@code Mat} reused, one OpenCV thread). Set-up
 * requires the three to give identical pixels.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class DecodeBenchmark {
    @Param({"1.jpg", "4.jpg", "6.jpg", "9.jpg", "12.jpg", "12mp.jpg"})
    public String photo;

    private byte[] bytes;
    private PhotoDecoder opencv;
    private BytePointer nativeBytes;
    private Mat buffer;
    private Mat decoded;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        opencv_core.setNumThreads(1);
        bytes = Files.readAllBytes(BenchPhotos.photo(photo));
        opencv = PhotoDecoders.named("opencv");
        nativeBytes = new BytePointer(bytes);
        buffer = new Mat(1, bytes.length, opencv_core.CV_8UC1, nativeBytes);
        decoded = new Mat();
        byte[] java = javaDecoder().toPackedBgr();
        byte[] ours = opencvDecoder().toPackedBgr();
        Mat ref = opencvImdecode();
        byte[] cv = new byte[(int) (ref.total() * ref.channels())];
        ref.data().get(cv);
        if (!Arrays.equals(java, cv) || !Arrays.equals(ours, cv)) {
            throw new IllegalStateException("decoders disagree on " + photo + ", refusing to time");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        decoded.close();
        buffer.close();
        nativeBytes.close();
    }

    @Benchmark
    public BgrImage javaDecoder() {
        return ImageDecoder.decode(bytes, photo);
    }

    @Benchmark
    public BgrImage opencvDecoder() {
        return opencv.decode(bytes, photo, Long.MAX_VALUE);
    }

    @Benchmark
    public Mat opencvImdecode() {
        Mat m = opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_COLOR, decoded);
        if (m.empty()) {
            throw new UncheckedIOException(new IOException("imdecode failed on " + photo));
        }
        return m;
    }
}
