package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.BatchDetector;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.engine.EngineSettings;
import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.PhotoDecoders;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scrfd4j detect}: faces in images, as text lines, annotated copies and JSON. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detects faces and prints one line per image, '<path>: <n> faces (<ms> ms)' (time to decode "
                + "and detect) or '<path>: error: <message>', then a summary line.",
                "Directories expand to their .jpg, .jpeg, .png and .bmp files, sorted by name."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_0, ExitCodes.LIST_1,
                ExitCodes.LIST_2, ExitCodes.LIST_3},
        footerHeading = "%nExamples:%n",
        footer = {"  scrfd4j detect photo.jpg --out annotated/",
                "  scrfd4j detect photos/ --model scrfd_500m --size 320x320 --json -",
                "  scrfd4j detect a.jpg --model /path/to/model.onnx --convention insightface"})
final class DetectCommand implements Callable<Integer> {
    static final String DEFAULT_MODEL = "scrfd_2.5g_bnkps_shape640x640";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<image|dir>", description = "Image files or directories of images.")
    List<Path> inputs;

    @Option(names = "--model", order = 1, paramLabel = "NAME|PATH", defaultValue = DEFAULT_MODEL,
            description = "Known model name (see 'scrfd4j models') or model file (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--engine", order = 2, paramLabel = "ENGINE", defaultValue = EngineSelector.AUTO,
            completionCandidates = EngineNames.class,
            description = "Inference engine: auto (by the model file's format) or one of those on the class path "
                    + "(see 'scrfd4j engines'): ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--device", order = 3, paramLabel = "DEVICE", defaultValue = "cpu",
            description = "Device of the engine: ort: cpu; mnn: cpu, opencl, vulkan, metal; tnn: cpu (x86 or arm), x86, arm, naive, opencl; ncnn: cpu, vulkan; see 'scrfd4j engines' (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--precision", order = 4, paramLabel = "MODE", defaultValue = "exact",
            converter = PrecisionChoice.Values.class, completionCandidates = PrecisionChoice.Values.class,
            description = "exact: fp32, agrees with ONNX Runtime on every CPU; fast: the runtime's reduced-precision "
                    + "defaults where it has them (ncnn: fp16/bf16 storage on ARMv8.2), checked by verify-engine "
                    + "(default: ${DEFAULT-VALUE}).")
    PrecisionChoice precision;

    @Option(names = "--allow-fallback", order = 4,
            description = "Run on the CPU, with a warning, when the requested device is unavailable (default: fail).")
    boolean allowFallback;

    private float score;
    private float iou;
    private int topK;
    private int threads;

    @Option(names = "--size", order = 6, paramLabel = "WxH", converter = InputSize.Converter.class,
            description = "Network input size, multiples of 32 (default: the model's fixed size, else 640x640).")
    InputSize size;

    @Option(names = "--convention", order = 7, paramLabel = "NAME", defaultValue = "lite",
            converter = ConventionChoice.Values.class, completionCandidates = ConventionChoice.Values.class,
            description = "Whose pre/post-processing to follow: ${COMPLETION-CANDIDATES} "
                    + "(lite.ai.toolkit or InsightFace; default: ${DEFAULT-VALUE}).")
    ConventionChoice convention;

    @Option(names = "--out", order = 9, paramLabel = "DIR",
            description = "Write annotated copies as DIR/<name>.jpg (boxes, landmarks, scores).")
    Path outDir;

    @Option(names = "--json", order = 10, paramLabel = "FILE",
            description = "Write results as JSON to FILE ('-' for stdout; the per-image lines then go to stderr).")
    String json;

    @Mixin
    ModelsDirOption models;

    @Option(names = "--max-pixels", order = 11, paramLabel = "N", defaultValue = "89478485",
            description = "Refuse images whose header declares more than N pixels, before decoding them "
                    + "(default: ${DEFAULT-VALUE}, Pillow's MAX_IMAGE_PIXELS).")
    void setMaxPixels(long v) {
        if (v <= 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--max-pixels': must be "
                    + "positive, but was " + v);
        }
        maxPixels = v;
    }

    private long maxPixels;

    @Option(names = "--workers", order = 11, paramLabel = "N",
            description = "Threads that read, decode and letterbox the next images while the engine runs on the "
                    + "current ones; results stay in input order. 0 = no pipeline, one image at a time on one "
                    + "thread (default: one per four streams, at least 1).")
    void setWorkers(int v) {
        if (v < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--workers': must be >= 0, "
                    + "but was " + v);
        }
        workers = v;
    }

    private Integer workers;

    @Option(names = "--streams", order = 11, paramLabel = "K",
            description = "Images the engine runs at a time, each on its own engine session (more memory) "
                    + "(default: the cores divided by --threads, at least 1).")
    void setStreams(int v) {
        if (v < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--streams': must be >= 1, "
                    + "but was " + v);
        }
        streams = v;
    }

    private Integer streams;

    @Option(names = "--decoder", order = 11, paramLabel = "NAME", defaultValue = "auto",
            description = "Image decoder: auto (OpenCV's imdecode when scrfd4j-opencv is on the class path, else "
                    + "java), java (javax.imageio) or opencv; both give cv::imread's pixels (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--no-progress", order = 11,
            description = "No progress bar (it is drawn on stderr only when stderr is a terminal and the run takes "
                    + "over a second).")
    boolean noProgress;

    @Option(names = "--no-download", order = 12,
            description = "Never download a model; fail if it is not present locally.")
    boolean noDownload;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--score", paramLabel = "T", defaultValue = "0.3", order = 3,
            description = "Score threshold in [0, 1] (default: ${DEFAULT-VALUE}).")
    void setScore(float v) {
        score = unitInterval("--score", v);
    }

    @Option(names = "--iou", paramLabel = "T", defaultValue = "0.45", order = 4,
            description = "NMS IoU threshold in [0, 1] (default: ${DEFAULT-VALUE}).")
    void setIou(float v) {
        iou = unitInterval("--iou", v);
    }

    @Option(names = "--topk", paramLabel = "N", defaultValue = "400", order = 5,
            description = "Keep at most N faces per image (default: ${DEFAULT-VALUE}).")
    void setTopK(int v) {
        if (v <= 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--topk': must be positive, "
                    + "but was " + v);
        }
        topK = v;
    }

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", order = 8,
            description = "Engine intra-op threads; 0 = the engine's default (default: ${DEFAULT-VALUE}).")
    void setThreads(int v) {
        if (v < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': must be >= 0, "
                    + "but was " + v);
        }
        threads = v;
    }

    private float unitInterval(String option, float v) {
        if (!(v >= 0f && v <= 1f)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option
                    + "': must be in [0, 1], but was " + v);
        }
        return v;
    }

    DetectorOptions detectorOptions() {
        DetectorOptions o = DetectorOptions.DEFAULTS.withScoreThreshold(score).withIouThreshold(iou).withTopK(topK)
                .withConvention(convention.convention());
        return size == null ? o : o.withInputSize(size.width(), size.height());
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        // Keep stdout pure JSON when the JSON goes there.
        PrintWriter lines = "-".equals(json) ? err : cmd.getOut();
        try {
            return run(lines, err);
        } catch (ParameterException e) {
            throw e;
        } catch (ModelLoader.SizeMismatch e) {
            throw new ParameterException(cmd, "Invalid value for option '--size': " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return ErrorReporter.report(e, err, verbose.verbose);
        } finally {
            lines.flush();
            err.flush();
        }
    }

    private int run(PrintWriter lines, PrintWriter err) {
        // an unknown name fails at once; the decoder's native library (OpenCV: half a second) loads on
        // another core while the engine loads the model
        decoderName();
        java.util.concurrent.CompletableFuture<PhotoDecoder> decoderLoading =
                java.util.concurrent.CompletableFuture.supplyAsync(this::photoDecoder);
        List<ImageInputs.Input> expanded = ImageInputs.expand(inputs);
        Annotator annotator = null;
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                err.println("error: cannot create output directory " + outDir + ": " + e);
                return ExitCodes.IMAGE_FAILED;
            }
            List<Path> paths = new ArrayList<>();
            expanded.forEach(in -> paths.add(in.path()));
            annotator = new Annotator(new OutputNames(outDir, paths));
        }
        EngineSelector.Selection selection;
        try {
            selection = new EngineSelector(EngineProviders.load()).select(engine, model, device,
                    models.resolver(!noDownload));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        long t0 = System.nanoTime();
        try (LoadedModel m = ModelLoader.load(selection, new EngineSettings(threads, device, allowFallback, precision.precision()),
                detectorOptions())) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            Detector d = m.detector();
            PhotoDecoder photoDecoder = joinDecoder(decoderLoading);
            ImageProcessor processor = new ImageProcessor(d, photoDecoder, annotator, err, verbose.verbose, maxPixels);
            int inference = streams != null ? streams : BatchDetector.defaultStreams(threads);
            int pipeline = workers != null ? workers : BatchDetector.defaultWorkers(inference);
            boolean progress = !noProgress && ProgressBar.stderrIsTerminal();
            List<ImageResult> results = new ArrayList<>();
            long t1 = System.nanoTime();
            new BatchRun(expanded, processor, lines, progress ? new ProgressBar(err, expanded.size(), System::nanoTime)
                    : null).run(d, photoDecoder, pipeline, inference, maxPixels, annotator != null, results);
            double runMs = (System.nanoTime() - t1) / 1e6;
            long failed = results.stream().filter(r -> !r.ok()).count();
            int faces = results.stream().mapToInt(r -> r.faces().size()).sum();
            lines.println(String.format(Locale.ROOT, "%d images, %d faces, %d failed in %.0f ms (model %s loaded in "
                    + "%.0f ms, input %dx%d, %s, %s, decoder %s, %s)", results.size(), faces, failed, runMs,
                    m.resolved().name(), loadMs, d.inputWidth(), d.inputHeight(), d.engineName(), convention.id(),
                    photoDecoder.name(), pipeline == 0 ? "no pipeline" : pipeline + (pipeline == 1 ? " worker, " : " workers, ")
                    + inference + (inference == 1 ? " stream" : " streams")));
            boolean jsonOk = json == null || writeJson(m, results, err);
            return failed == 0 && jsonOk ? ExitCodes.OK : ExitCodes.IMAGE_FAILED;
        }
    }

    private String decoderName() {
        try {
            PhotoDecoders.requireKnown(decoder);
            return decoder;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--decoder': " + e.getMessage());
        }
    }

    private PhotoDecoder photoDecoder() {
        try {
            return PhotoDecoders.named(decoder);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--decoder': " + e.getMessage());
        }
    }

    private static PhotoDecoder joinDecoder(java.util.concurrent.CompletableFuture<PhotoDecoder> loading) {
        try {
            return loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    private boolean writeJson(LoadedModel m, List<ImageResult> results, PrintWriter err) {
        Detector d = m.detector();
        String doc = JsonReport.render(new JsonReport.Header(m.resolved().name(), m.resolved().primary().toString(),
                d.engineName(), convention.id(), score, iou, topK, d.inputWidth(), d.inputHeight()), results);
        if ("-".equals(json)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(doc);
            out.flush();
            return true;
        }
        try {
            Files.writeString(Path.of(json), doc + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot write JSON to " + json + ": " + ErrorReporter.message(e));
            return false;
        }
    }
}
