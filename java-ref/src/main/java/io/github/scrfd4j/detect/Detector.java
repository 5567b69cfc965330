package io.github.scrfd4j.detect;

import io.github.scrfd4j.anchors.AnchorGrid;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.LetterboxTensor;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.nms.MaxNumSelector;
import io.github.scrfd4j.vector.Kernels;
import io.github.scrfd4j.vector.KernelsProvider;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * SCRFD face detection: letterbox, blob, engine, output layout, decode, NMS.
 *
 * <p>Thread safety: {@link #detect} may be called from any number of threads at once. Each call
 * borrows a worker from a pool (an engine session plus its letterbox row buffers, input tensor and
 * post-processing buffers), creating one when none is free, so N concurrent threads end up with N
 * workers that are reused for every later frame: the row buffers, the input tensor, the candidate
 * arrays and the output arrays are allocated once; a call allocates only the result list and a few small value objects.
 * {@link #close} waits for running calls, then frees every worker and the engine (the detector owns
 * it); calls after close throw {@link IllegalStateException}.
 */
public final class Detector implements AutoCloseable {
    private final Engine engine;
    private final DetectorOptions options;
    private final Kernels kernels;
    private final int inputWidth;
    private final int inputHeight;
    private volatile OutputLayout layout;
    private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();
    private final List<Worker> all = new ArrayList<>();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    /** Creates a detector that owns {@code engine} (closing the detector closes it). */
    public Detector(Engine engine, DetectorOptions options) {
        this(engine, options, KernelsProvider.get());
    }

    /** As {@link #Detector(Engine, DetectorOptions)} with explicit kernels (scalar or vector). */
    public Detector(Engine engine, DetectorOptions options, Kernels kernels) {
        this.engine = engine;
        this.options = options;
        this.kernels = kernels;
        try {
            int[] size = inputSize(engine.input(), options);
            inputWidth = size[0];
            inputHeight = size[1];
            AnchorGrid.checkInputSize(inputWidth, inputHeight);
            layout = OutputLayout.infer(declaredOutputs(engine), inputWidth, inputHeight);
        } catch (RuntimeException e) {
            engine.close(); // the detector owns the engine from the start: never leak it
            throw e;
        }
    }

    private static int[] inputSize(InputSpec in, DetectorOptions options) {
        if (in.dynamic()) {
            return new int[] {options.inputWidth() > 0 ? options.inputWidth() : 640,
                options.inputHeight() > 0 ? options.inputHeight() : 640};
        }
        if (options.inputWidth() > 0 && (options.inputWidth() != in.width() || options.inputHeight() != in.height())) {
            throw new IllegalArgumentException("model input is fixed at " + in.width() + "x" + in.height()
                    + ", cannot run it at " + options.inputWidth() + "x" + options.inputHeight());
        }
        return new int[] {in.width(), in.height()};
    }

    /** Declared outputs; a dynamic model's sizes belong to its export size, not to ours, so they are dropped. */
    private static List<TensorInfo> declaredOutputs(Engine engine) {
        List<TensorInfo> declared = engine.outputs();
        if (!engine.input().dynamic()) {
            return declared;
        }
        List<TensorInfo> unknownRows = new ArrayList<>();
        for (TensorInfo t : declared) {
            long[] shape = t.shape();
            if (shape.length >= 2) {
                shape[shape.length - 2] = -1;
            }
            unknownRows.add(new TensorInfo(t.name(), shape));
        }
        return unknownRows;
    }

    /** Network input width used for every image. */
    public int inputWidth() {
        return inputWidth;
    }

    public int inputHeight() {
        return inputHeight;
    }

    public DetectorOptions options() {
        return options;
    }

    /** How the outputs were mapped (names, shapes or order). */
    public OutputLayout layout() {
        return layout;
    }

    /** The engine's description. */
    public String engineName() {
        return engine.name();
    }

    /** Faces in an image file (JPEG, PNG, BMP), decoded as {@code cv::imread} does. */
    public List<Face> detect(Path imageFile) {
        return detect(imageFile, ImageDecoder.DEFAULT_MAX_PIXELS);
    }

    /** Faces in an image file; an image whose header declares more than {@code maxPixels} pixels is refused. */
    public List<Face> detect(Path imageFile, long maxPixels) {
        ensureOpen();
        return detect(ImageDecoder.read(imageFile, maxPixels));
    }

    /** Faces in a {@link BufferedImage} of any type. */
    public List<Face> detect(BufferedImage image) {
        ensureOpen();
        return detect(ImageDecoder.fromBufferedImage(image));
    }

    /** Faces in a caller's BGR buffer (read, never written or kept). */
    public List<Face> detectBgr(byte[] bgr, int width, int height, int stride) {
        return detect(BgrImage.wrap(bgr, width, height, stride));
    }

    /** Faces in a caller's RGB buffer (copied once to BGR; the caller's array is not modified). */
    public List<Face> detectRgb(byte[] rgb, int width, int height, int stride) {
        return detect(BgrImage.fromRgb(rgb, width, height, stride));
    }

    /** Faces in a BGR image. */
    public List<Face> detect(BgrImage image) {
        ReentrantReadWriteLock.ReadLock lock = lifecycle.readLock();
        lock.lock();
        try {
            ensureOpen();
            Worker w = idle.poll();
            if (w == null) {
                w = newWorker();
            }
            try {
                return w.detect(image);
            } finally {
                idle.offer(w);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new, reusable input slot for {@link #prepare} and {@link #detect(PreparedInput)}: the float
     * tensor (4.9 MB at 640x640) and the letterbox's row buffers, allocated once.
     */
    public PreparedInput newPreparedInput() {
        ensureOpen();
        return new PreparedInput(inputWidth, inputHeight, new float[3 * inputWidth * inputHeight],
                new LetterboxTensor(kernels));
    }

    /**
     * Letterboxes {@code image} and writes the network input into {@code into}: the first half of
     * {@link #detect(BgrImage)}, without the engine, so that it can run on another thread (a batch
     * prepares the next images while the engine runs on the current one). Each slot is used by one
     * thread at a time.
     */
    public void prepare(BgrImage image, PreparedInput into) {
        ensureOpen();
        if (into.width != inputWidth || into.height != inputHeight) {
            throw new IllegalArgumentException("prepared input of " + into.width + "x" + into.height
                    + " does not belong to this detector (" + inputWidth + "x" + inputHeight + ")");
        }
        into.letterbox = into.letterboxer.apply(image, options.convention().letterbox(), BlobOptions.SCRFD,
                inputWidth, inputHeight, into.tensor, 0);
        into.imageWidth = image.width();
        into.imageHeight = image.height();
    }

    /**
     * The second half of {@link #detect(BgrImage)}: engine and post-processing on a prepared input;
     * the same faces as {@code detect(image)} of the image it was prepared from.
     */
    public List<Face> detect(PreparedInput input) {
        if (input.letterbox == null) {
            throw new IllegalStateException("input slot was never prepared");
        }
        ReentrantReadWriteLock.ReadLock lock = lifecycle.readLock();
        lock.lock();
        try {
            ensureOpen();
            Worker w = idle.poll();
            if (w == null) {
                w = newWorker();
            }
            try {
                return w.detect(input);
            } finally {
                idle.offer(w);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A network input made by {@link #prepare}: the tensor and the letterbox that maps faces back. */
    public static final class PreparedInput {
        private final int width;
        private final int height;
        private final float[] tensor;
        private final LetterboxTensor letterboxer;
        private LetterboxParams letterbox;
        private int imageWidth;
        private int imageHeight;

        private PreparedInput(int width, int height, float[] tensor, LetterboxTensor letterboxer) {
            this.width = width;
            this.height = height;
            this.tensor = tensor;
            this.letterboxer = letterboxer;
        }

        /** The letterbox of the last prepared image, or null. */
        public LetterboxParams letterbox() {
            return letterbox;
        }
    }

    private Worker newWorker() {
        Worker w = new Worker(engine.openSession());
        synchronized (all) {
            all.add(w);
        }
        return w;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("detector is closed");
        }
    }

    /** Number of workers created so far (at most the peak number of concurrent callers). */
    public int workerCount() {
        synchronized (all) {
            return all.size();
        }
    }

    /** Waits for running detections, frees every session and the engine. Idempotent. */
    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (all) {
                for (Worker w : all) {
                    w.session.close();
                }
                all.clear();
            }
            idle.clear();
            engine.close();
        } finally {
            lock.unlock();
        }
    }

    /** With real output sizes in hand, a layout guessed from output order is checked by shape. */
    private OutputLayout refineByRunShapes(List<Tensor> outputs) {
        List<TensorInfo> infos = new ArrayList<>(outputs.size());
        for (Tensor t : outputs) {
            infos.add(t.info());
        }
        return OutputLayout.infer(infos, inputWidth, inputHeight);
    }

    /**
     * A network that emits NaN scores is broken (wrong model, runtime bug, corrupt weights); the
     * post-processor would silently drop those anchors, so the detector reports it instead.
     */
    private void rejectNaNScores(List<Tensor> outputs) {
        for (int level = 0; level < layout.plan().levels(); level++) {
            Tensor t = outputs.get(layout.scoreIndex(level));
            float[] d = t.data();
            int nan = 0;
            for (float v : d) {
                if (v != v) {
                    nan++;
                }
            }
            if (nan > 0) {
                throw new io.github.scrfd4j.engine.EngineException(engine.name() + " produced " + nan
                        + " NaN scores in output " + t + ": the model or the runtime is broken");
            }
        }
    }

    /** One thread's pipeline state. */
    private final class Worker {
        final EngineSession session;
        final LetterboxTensor letterbox = new LetterboxTensor(kernels);
        final PostProcessor post = new PostProcessor(options.convention(), options.scoreThreshold(),
                options.iouThreshold(), options.topK(), kernels);
        float[] scratch;

        Worker(EngineSession session) {
            this.session = session;
        }

        List<Face> detect(BgrImage image) {
            FloatBuffer in = session.inputBuffer(inputWidth, inputHeight);
            LetterboxParams lb;
            if (in.hasArray() && !in.isReadOnly()) {
                lb = letterbox.apply(image, options.convention().letterbox(), BlobOptions.SCRFD, inputWidth,
                        inputHeight, in.array(), in.arrayOffset() + in.position());
            } else {
                // a direct buffer (read by the runtime in place): one bulk copy
                if (scratch == null) {
                    scratch = new float[3 * inputWidth * inputHeight];
                }
                lb = letterbox.apply(image, options.convention().letterbox(), BlobOptions.SCRFD, inputWidth,
                        inputHeight, scratch, 0);
                in.duplicate().put(scratch, 0, scratch.length);
            }
            return runAndDecode(lb, image.width(), image.height());
        }

        List<Face> detect(PreparedInput p) {
            FloatBuffer in = session.inputBuffer(inputWidth, inputHeight);
            in.duplicate().put(p.tensor, 0, p.tensor.length);
            return runAndDecode(p.letterbox, p.imageWidth, p.imageHeight);
        }

        private List<Face> runAndDecode(LetterboxParams lb, int imageWidth, int imageHeight) {
            List<Tensor> outputs = session.run(inputWidth, inputHeight);
            if (layout.inferredBy().equals("order")) {
                layout = refineByRunShapes(outputs);
            }
            rejectNaNScores(outputs);
            List<Face> faces = post.process(outputs, layout, lb);
            if (options.maxNum() > 0) {
                faces = MaxNumSelector.select(faces, options.maxNum(), options.maxNumMetric(), imageWidth,
                        imageHeight);
            }
            return faces;
        }
    }
}
