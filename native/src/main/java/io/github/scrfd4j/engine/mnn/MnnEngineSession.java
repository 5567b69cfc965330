package io.github.scrfd4j.engine.mnn;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.LetterboxParams;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.mnn.CVMatrix;
import org.bytedeco.mnn.ImageProcess;
import org.bytedeco.mnn.ImageProcessConfig;
import org.bytedeco.mnn.Session;
import org.bytedeco.mnn.Tensor;

/**
 * One MNN session with its host tensors: the caller writes the CHW input straight into the host
 * input tensor's memory (a direct buffer), and outputs are copied out of host tensors.
 */
public final class MnnEngineSession implements EngineSession {
    private final MnnEngine engine;
    private Session session;
    private final Tensor input;
    private final Tensor hostInput;
    private final FloatBuffer inputBuffer;
    private final List<String> names = new ArrayList<>();
    private final List<BytePointer> namePointers = new ArrayList<>();
    private final List<Tensor> hostOutputs = new ArrayList<>();
    private final List<float[]> arrays = new ArrayList<>();
    private ImageProcess process;
    private BytePointer source;
    private org.bytedeco.javacpp.PointerPointer<org.bytedeco.javacpp.FloatPointer> scores;
    private org.bytedeco.javacpp.PointerPointer<org.bytedeco.javacpp.FloatPointer> boxes;
    private org.bytedeco.javacpp.PointerPointer<org.bytedeco.javacpp.FloatPointer> kps;
    private CVMatrix matrix;
    private boolean closed;
    private final io.github.scrfd4j.engine.SingleThreadGuard guard =
            new io.github.scrfd4j.engine.SingleThreadGuard("MNN session");

    MnnEngineSession(MnnEngine engine, Session session) {
        this.engine = engine;
        this.session = session;
        this.input = engine.net().getSessionInput(session, (BytePointer) null);
        this.hostInput = new Tensor(input, Tensor.CAFFE, true);
        this.inputBuffer = hostInput.hostFloat().capacity(hostInput.elementSize()).asBuffer();
        for (TensorInfo t : engine.outputs()) {
            names.add(t.name());
            namePointers.add(new BytePointer(t.name()));
            hostOutputs.add(null);
            arrays.add(null);
        }
    }

    @Override
    public FloatBuffer inputBuffer(int width, int height) {
        checkOpen();
        engine.input().requireSize("MNN model", width, height);
        inputBuffer.clear();
        return inputBuffer;
    }

    @Override
    public List<io.github.scrfd4j.engine.Tensor> run(int width, int height) {
        guard.enter();
        try {
            return runGuarded(width, height);
        } finally {
            guard.exit();
        }
    }

    private List<io.github.scrfd4j.engine.Tensor> runGuarded(int width, int height) {
        checkOpen();
        engine.input().requireSize("MNN model", width, height);
        if (!input.copyFromHostTensor(hostInput)) {
            throw new EngineException("MNN could not copy the input tensor to the " + engine.actualDevice());
        }
        return runAndRead();
    }

    private List<io.github.scrfd4j.engine.Tensor> runAndRead() {
        int code = engine.net().runSession(session);
        if (code != 0) {
            throw new EngineException("MNN runSession failed on " + engine.model() + " with ErrorCode " + code);
        }
        List<io.github.scrfd4j.engine.Tensor> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            org.bytedeco.javacpp.FloatPointer host = hostOutput(i);
            Tensor t = hostOutputs.get(i);
            int n = t.elementSize();
            float[] arr = arrays.get(i);
            if (arr == null || arr.length != n) {
                arr = new float[n];
                arrays.set(i, arr);
            }
            host.capacity(n).get(arr);
            long[] shape = java.util.Arrays.stream(MnnEngine.shapeOf(t)).asLongStream().toArray();
            out.add(new io.github.scrfd4j.engine.Tensor(names.get(i), shape, arr));
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
        guard.enter();
        try {
            preprocessBgr(image, lb);
            return runAndRead();
        } finally {
            guard.exit();
        }
    }

    /** Only the ImageProcess step of {@link #runFromBgr}: letterbox + tensor, into the input tensor. */
    public void preprocessBgr(BgrImage image, LetterboxParams lb) {
        checkOpen();
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
        float sx = (float) image.width() / lb.resizedWidth();
        float sy = (float) image.height() / lb.resizedHeight();
        matrix.setScaleTranslate(sx, sy, (0.5f - lb.padLeft()) * sx - 0.5f, (0.5f - lb.padTop()) * sy - 0.5f);
        process.setMatrix(matrix);
        if (source == null || source.capacity() < image.data().length) {
            if (source != null) {
                source.close();
            }
            source = new BytePointer(image.data().length);
        }
        source.position(0).put(image.data());
        source.position(image.offset());
        int code = process.convert(source, image.width(), image.height(), image.stride(), input);
        source.position(0);
        if (code != 0) {
            throw new EngineException("MNN ImageProcess.convert failed with ErrorCode " + code);
        }
    }

    /**
     * The pipeline driven natively end to end: ImageProcess, runSession, and our C++ post-processing
     * reading MNN's host output tensors in place (no Java arrays in between).
     */
    public List<io.github.scrfd4j.detect.Face> detectNative(BgrImage image, LetterboxParams lb,
                                                            io.github.scrfd4j.decode.OutputLayout layout,
                                                            io.github.scrfd4j.post.NativePostProcessor post) {
        guard.enter();
        try {
            return detectNativeGuarded(image, lb, layout, post);
        } finally {
            guard.exit();
        }
    }

    private List<io.github.scrfd4j.detect.Face> detectNativeGuarded(BgrImage image, LetterboxParams lb,
                                                                    io.github.scrfd4j.decode.OutputLayout layout,
                                                                    io.github.scrfd4j.post.NativePostProcessor post) {
        preprocessBgr(image, lb);
        int code = engine.net().runSession(session);
        if (code != 0) {
            throw new EngineException("MNN runSession failed on " + engine.model() + " with ErrorCode " + code);
        }
        int levels = layout.plan().levels();
        if (scores == null) {
            scores = new org.bytedeco.javacpp.PointerPointer<>(levels);
            boxes = new org.bytedeco.javacpp.PointerPointer<>(levels);
            kps = new org.bytedeco.javacpp.PointerPointer<>(levels);
        }
        for (int level = 0; level < levels; level++) {
            scores.put(level, hostOutput(layout.scoreIndex(level)));
            boxes.put(level, hostOutput(layout.boxIndex(level)));
            if (layout.hasLandmarks()) {
                kps.put(level, hostOutput(layout.landmarkIndex(level)));
            }
        }
        return post.process(scores, boxes, layout.hasLandmarks() ? kps : null, layout.plan(), lb);
    }

    private org.bytedeco.javacpp.FloatPointer hostOutput(int i) {
        Tensor device = engine.net().getSessionOutput(session, namePointers.get(i));
        Tensor host = hostOutputs.get(i);
        if (host == null) {
            host = new Tensor(device, Tensor.CAFFE, true);
            hostOutputs.set(i, host);
        }
        if (!device.copyToHostTensor(host)) {
            throw new EngineException("MNN could not copy output " + names.get(i) + " to the host");
        }
        return host.hostFloat();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("MNN session is closed");
        }
        engine.checkOpen();
    }

    @Override
    public void close() {
        guard.checkIdle();
        synchronized (engine.lock()) {
            if (closed) {
                return;
            }
            closed = true;
            if (process != null) {
                ImageProcess.destroy(process);
                matrix.close();
            }
            if (source != null) {
                source.close();
            }
            if (scores != null) {
                scores.close();
                boxes.close();
                kps.close();
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
        engine.forget(this);
    }
}
