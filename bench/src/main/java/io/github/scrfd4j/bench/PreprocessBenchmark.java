package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.image.LetterboxTensor;
import io.github.scrfd4j.vector.KernelsProvider;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
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

/**
 * Letterbox + tensor of a photo into the 640x640 input, as lite.ai.toolkit does it: java-ref scalar,
 * java-ref Vector API, and OpenCV ({@code resize} into a zero canvas, then {@code blobFromImage}).
 * OpenCV is timed as a C++ program uses it: every {@code Mat}, {@code Size} and {@code Scalar} made
 * once at set-up (the blob's output {@code Mat} too, which {@code blobFromImage} then fills in place),
 * and {@code cv::setNumThreads(1)}, the Java side's one thread. Set-up requires the three tensors to
 * agree within 1e-6.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class PreprocessBenchmark {
    @Param({"1.jpg", "4.jpg", "6.jpg", "9.jpg", "12.jpg", "12mp.jpg"})
    public String photo;

    private BgrImage image;
    private BgrImage canvas;
    private final Letterbox letterbox = new Letterbox();
    private LetterboxTensor fused;
    private Blob scalarBlob;
    private Blob vectorBlob;
    private float[] tensor;
    private Mat src;
    private Mat cvCanvas;
    private Mat roi;
    private LetterboxParams lb;
    private Mat blob;
    private Scalar zero;
    private Scalar mean;
    private Size resized;
    private Size inputSize;

    @Setup(Level.Trial)
    public void setUp() {
        opencv_core.setNumThreads(1);
        image = BenchData.image(photo);
        canvas = BgrImage.allocate(BenchData.SIDE, BenchData.SIDE);
        tensor = new float[3 * BenchData.SIDE * BenchData.SIDE];
        fused = LetterboxTensor.eager(KernelsProvider.vector());
        scalarBlob = new Blob(KernelsProvider.scalar());
        vectorBlob = new Blob(KernelsProvider.vector());
        lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(), image.width(), image.height(),
                BenchData.SIDE, BenchData.SIDE);
        src = new Mat(image.height(), image.width(), opencv_core.CV_8UC3);
        src.data().put(image.toPackedBgr());
        cvCanvas = new Mat(BenchData.SIDE, BenchData.SIDE, opencv_core.CV_8UC3);
        roi = cvCanvas.apply(new Rect(lb.padLeft(), lb.padTop(), lb.resizedWidth(), lb.resizedHeight()));
        blob = new Mat(new int[] {1, 3, BenchData.SIDE, BenchData.SIDE}, opencv_core.CV_32F);
        zero = new Scalar(0, 0, 0, 0);
        mean = new Scalar(127.5, 127.5, 127.5, 0);
        resized = new Size(lb.resizedWidth(), lb.resizedHeight());
        inputSize = new Size(BenchData.SIDE, BenchData.SIDE);
        float[] s = javaScalar().clone();
        float[] v = javaVector().clone();
        float[] cv = new float[s.length];
        new FloatPointer(opencv().data()).get(cv);
        Equivalence.requireClose("vector vs scalar blob (" + photo + ")", s, v, 0f);
        Equivalence.requireClose("one-pass vs scalar blob (" + photo + ")", s, javaOnePass().clone(), 0f);
        Equivalence.requireClose("OpenCV vs Java blob (" + photo + ")", cv, s, 1e-6f);
    }

    @Benchmark
    public float[] javaScalar() {
        letterbox.apply(image, Convention.LITE_AI_TOOLKIT.letterbox(), canvas);
        scalarBlob.write(canvas, BlobOptions.SCRFD, tensor, 0);
        return tensor;
    }

    @Benchmark
    public float[] javaVector() {
        letterbox.apply(image, Convention.LITE_AI_TOOLKIT.letterbox(), canvas);
        vectorBlob.write(canvas, BlobOptions.SCRFD, tensor, 0);
        return tensor;
    }

    /** What {@code Detector} does: {@link LetterboxTensor}, no canvas, Vector API row steps. */
    @Benchmark
    public float[] javaOnePass() {
        fused.apply(image, Convention.LITE_AI_TOOLKIT.letterbox(), BlobOptions.SCRFD, BenchData.SIDE, BenchData.SIDE,
                tensor, 0);
        return tensor;
    }

    @Benchmark
    public Mat opencv() {
        cvCanvas.put(zero);
        opencv_imgproc.resize(src, roi, resized);
        opencv_dnn.blobFromImage(cvCanvas, blob, 1 / 128.0, inputSize, mean, true, false, opencv_core.CV_32F);
        return blob;
    }
}
