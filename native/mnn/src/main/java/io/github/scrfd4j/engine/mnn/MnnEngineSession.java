package io.github.scrfd4j.engine.mnn;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.NativeEngineSession;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.LetterboxParams;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.mnn.CVMatrix;
import org.bytedeco.mnn.ImageProcess;
import org.bytedeco.mnn.ImageProcessConfig;
import org.bytedeco.mnn.Session;
import org.bytedeco.mnn.Tensor;

/**
 * One MNN session with its host tensors: the caller writes the CHW input straight into the host
 * input tensor's memory (a direct buffer), and outputs are copied out of host tensors.
 */
public final class MnnEngineSession extends NativeEngineSession {
    private final MnnEngine engine;
    private Session session;
    private final Tensor input;
    private final Tensor hostInput;
    private final FloatBuffer inputBuffer;
    private final List<BytePointer> namePointers = new ArrayList<>();
    private final List<Tensor> hostOutputs = new ArrayList<>();
    private ImageProcess process;
    private BytePointer source;
    private CVMatrix matrix;

    MnnEngineSession(MnnEngine engine, Session session) {
        super(engine, "MNN model", "MNN session");
        this.engine = engine;
        this.session = session;
        this.input = engine.net().getSessionInput(session, (BytePointer) null);
        this.hostInput = new Tensor(input, Tensor.CAFFE, true);
        this.inputBuffer = hostInput.hostFloat().capacity(hostInput.elementSize()).asBuffer();
        for (TensorInfo t : engine.outputs()) {
            namePointers.add(new BytePointer(t.name()));
            hostOutputs.add(null);
        }
    }

    @Override
    protected FloatBuffer input(int width, int height) {
        return inputBuffer;
    }

    @Override
    protected List<io.github.scrfd4j.engine.Tensor> infer(int width, int height) {
        if (!input.copyFromHostTensor(hostInput)) {
            throw new EngineException("MNN could not copy the input tensor to the " + engine.actualDevice());
        }
        return runAndRead();
    }

    private void runSession() {
        int code = engine.net().runSession(session);
        if (code != 0) {
            throw new EngineException("MNN runSession failed on " + engine.model() + " with ErrorCode " + code);
        }
    }

    private List<io.github.scrfd4j.engine.Tensor> runAndRead() {
        runSession();
        List<io.github.scrfd4j.engine.Tensor> out = new ArrayList<>(namePointers.size());
        for (int i = 0; i < namePointers.size(); i++) {
            FloatPointer host = hostOutput(i);
            Tensor t = hostOutputs.get(i);
            float[] arr = outputArray(i, t.elementSize());
            host.capacity(arr.length).get(arr);
            long[] shape = Arrays.stream(MnnEngine.shapeOf(t)).asLongStream().toArray();
            out.add(new io.github.scrfd4j.engine.Tensor(engine.outputs().get(i).name(), shape, arr));
        }
        return out;
    }

    /**
     * The all-native input path: MNN's {@code ImageProcess} letterboxes (bilinear, zero padding),
     * swaps BGR to RGB and applies {@code (x - 127.5) / 128} straight into the input tensor, then the
     * network runs. MNN samples differently from OpenCV's resize, so the tensor is close to, not equal
     * to, our Java letterbox + blob.
     */
    public List<io.github.scrfd4j.engine.Tensor> runFromBgr(BgrImage image, LetterboxParams lb) {
        return guarded(() -> {
            preprocessUnguarded(image, lb);
            return runAndRead();
        });
    }

    /**
     * {@link #runFromBgr} without copying outputs to Java: {@code reader} gets MNN's host output
     * tensors in place (index as in {@link MnnEngine#outputs()}), valid only during the call. This is
     * the pipeline a C++ program drives (for example with a native post-processor).
     */
    public <T> T runFromBgrInPlace(BgrImage image, LetterboxParams lb, Function<IntFunction<FloatPointer>, T> reader) {
        return guarded(() -> {
            preprocessUnguarded(image, lb);
            runSession();
            return reader.apply(this::hostOutput);
        });
    }

    /**
     * {@link #runFromBgrInPlace(BgrImage, LetterboxParams, Function)} on pixels already in native memory
     * (a {@code cv::Mat}'s data, {@code stride} bytes a row): no Java array anywhere, as in a C++
     * program that decodes with {@code cv::imread}. The caller keeps {@code bgr} alive during the call.
     */
    public <T> T runFromBgrInPlace(BytePointer bgr, int width, int height, int stride, LetterboxParams lb,
                                   Function<IntFunction<FloatPointer>, T> reader) {
        if (bgr == null || bgr.isNull()) {
            throw new IllegalArgumentException("null pixel pointer");
        }
        if (width != lb.srcWidth() || height != lb.srcHeight() || stride < 3 * width) {
            throw new IllegalArgumentException("pixels of " + width + "x" + height + " (stride " + stride
                    + ") do not match the letterbox of " + lb.srcWidth() + "x" + lb.srcHeight());
        }
        return guarded(() -> {
            convertUnguarded(bgr, width, height, stride, lb);
            runSession();
            return reader.apply(this::hostOutput);
        });
    }

    /** Only the ImageProcess step of {@link #runFromBgr}: letterbox + tensor, into the input tensor. */
    public void preprocessBgr(BgrImage image, LetterboxParams lb) {
        guarded(() -> {
            preprocessUnguarded(image, lb);
            return null;
        });
    }

    private void preprocessUnguarded(BgrImage image, LetterboxParams lb) {
        if (source == null || source.capacity() < image.data().length) {
            if (source != null) {
                source.close();
            }
            source = new BytePointer(image.data().length);
        }
        source.position(0).put(image.data());
        source.position(image.offset());
        try {
            convertUnguarded(source, image.width(), image.height(), image.stride(), lb);
        } finally {
            source.position(0);
        }
    }

    private void convertUnguarded(BytePointer pixels, int width, int height, int stride, LetterboxParams lb) {
        if (process == null) {
            ImageProcessConfig c = new ImageProcessConfig().sourceFormat(ImageProcessConfig.BGR)
                    .destFormat(ImageProcessConfig.RGB).filterType(ImageProcessConfig.BILINEAR)
                    .wrap(ImageProcessConfig.ZERO);
            for (int k = 0; k < 3; k++) {
                c.mean(k, 127.5f).normal(k, 1f / 128f);
            }
            process = ImageProcess.create(c, null);
            c.close();
            matrix = new CVMatrix();
        }
        // destination pixel -> source point, with OpenCV's half-pixel centres
        float sx = (float) width / lb.resizedWidth();
        float sy = (float) height / lb.resizedHeight();
        matrix.setScaleTranslate(sx, sy, (0.5f - lb.padLeft()) * sx - 0.5f, (0.5f - lb.padTop()) * sy - 0.5f);
        process.setMatrix(matrix);
        int code = process.convert(pixels, width, height, stride, input);
        if (code != 0) {
            throw new EngineException("MNN ImageProcess.convert failed with ErrorCode " + code);
        }
    }

    private FloatPointer hostOutput(int i) {
        Tensor device = engine.net().getSessionOutput(session, namePointers.get(i));
        Tensor host = hostOutputs.get(i);
        if (host == null) {
            host = new Tensor(device, Tensor.CAFFE, true);
            hostOutputs.set(i, host);
        }
        if (!device.copyToHostTensor(host)) {
            throw new EngineException("MNN could not copy output " + engine.outputs().get(i).name() + " to the host");
        }
        return host.hostFloat();
    }

    @Override
    protected void release() {
        if (process != null) {
            ImageProcess.destroy(process);
            matrix.close();
        }
        if (source != null) {
            source.close();
        }
        for (Tensor t : hostOutputs) {
            if (t != null) {
                t.close();
            }
        }
        for (BytePointer p : namePointers) {
            p.close();
        }
        hostInput.close();
        engine.net().releaseSession(session);
        session = null;
    }
}
