package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.mnn.MnnEngineSession;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.post.NativePostProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
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
 * The native baseline for {@link FolderBenchmark}: what lite.ai.toolkit's C++ SCRFD does per file,
 * one image at a time, with no Java array in the loop: {@code cv::imread}, MNN's {@code ImageProcess}
 * letterbox and normalisation straight from the {@code cv::Mat}'s memory into the input tensor, MNN
 * inference, and our C++ post-processing reading MNN's output tensors in place. Java only walks the
 * file list and passes pointers. Set-up requires its face count to be within one face per image of
 * the Java detector's (MNN resamples slightly differently from OpenCV's resize).
 */
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BenchPhotos.MIXED30)
@State(Scope.Thread)
public class NativeFolderBenchmark {
    @Param({"1", "2"})
    public int threads;

    private List<Path> files;
    private Engine engine;
    private MnnEngineSession session;
    private NativePostProcessor post;
    private NativePipeline pipeline;

    @Setup(Level.Trial)
    public void setUp() {
        opencv_core.setNumThreads(1);
        files = BenchPhotos.folder("mixed30");
        engine = Engines.open("mnn", threads);
        EngineSession s = engine.openSession();
        session = (MnnEngineSession) s;
        post = new NativePostProcessor(0.3f, 0.45f, 400);
        OutputLayout layout = OutputLayout.infer(engine.outputs(), BenchData.SIDE, BenchData.SIDE);
        pipeline = new NativePipeline(session::runFromBgrInPlace, layout, post);
        int javaFaces = 0;
        try (Detector d = new Detector(Engines.open("mnn", 1), DetectorOptions.DEFAULTS)) {
            for (Path p : files) {
                javaFaces += d.detect(p).size();
            }
        }
        int nativeFaces = nativeSequential();
        if (Math.abs(javaFaces - nativeFaces) > files.size()) {
            throw new IllegalStateException("native baseline found " + nativeFaces + " faces, Java " + javaFaces
                    + ": not equivalent, refusing to time");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
        post.close();
        session.close();
        engine.close();
    }

    @Benchmark
    public int nativeSequential() {
        int faces = 0;
        for (Path p : files) {
            try (Mat img = opencv_imgcodecs.imread(p.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
                if (img.empty()) {
                    throw new IllegalStateException("imread failed on " + p);
                }
                LetterboxParams lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(), img.cols(),
                        img.rows(), BenchData.SIDE, BenchData.SIDE);
                faces += session.runFromBgrInPlace(img.data(), img.cols(), img.rows(), (int) img.step(), lb,
                        output -> pipeline.postProcess(output, lb)).size();
            }
        }
        return faces;
    }
}
