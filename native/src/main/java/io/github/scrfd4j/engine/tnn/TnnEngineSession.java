package io.github.scrfd4j.engine.tnn;

import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.tnn.Instance;
import org.bytedeco.tnn.TnnGlue;

/** One TNN instance with a host input buffer (read by TNN in place) and an output staging buffer. */
public final class TnnEngineSession implements EngineSession {
    private final TnnEngine engine;
    private Instance instance;
    private final FloatPointer input;
    private final FloatBuffer inputBuffer;
    private final List<BytePointer> names = new ArrayList<>();
    private final List<float[]> arrays = new ArrayList<>();
    private FloatPointer staging = new FloatPointer(1);
    private boolean closed;
    private final io.github.scrfd4j.engine.SingleThreadGuard guard =
            new io.github.scrfd4j.engine.SingleThreadGuard("TNN session");

    TnnEngineSession(TnnEngine engine, Instance instance) {
        this.engine = engine;
        this.instance = instance;
        int n = 3 * engine.input().width() * engine.input().height();
        this.input = new FloatPointer(n);
        this.inputBuffer = input.asBuffer();
        for (TensorInfo t : engine.outputs()) {
            names.add(new BytePointer(t.name()));
            arrays.add(null);
        }
    }

    @Override
    public FloatBuffer inputBuffer(int width, int height) {
        checkOpen();
        engine.input().requireSize("TNN model", width, height);
        inputBuffer.clear();
        return inputBuffer;
    }

    @Override
    public List<Tensor> run(int width, int height) {
        guard.enter();
        try {
            return runGuarded(width, height);
        } finally {
            guard.exit();
        }
    }

    private List<Tensor> runGuarded(int width, int height) {
        checkOpen();
        engine.input().requireSize("TNN model", width, height);
        TnnEngine.check(TnnGlue.setInput(instance, input, 1, 3, height, width, null), "SetInputMat");
        TnnEngine.check(instance.Forward(), "Forward on " + engine.proto().getFileName());
        List<Tensor> out = new ArrayList<>(names.size());
        long[] count = new long[1];
        for (int i = 0; i < names.size(); i++) {
            TensorInfo info = engine.outputs().get(i);
            long expected = 1;
            for (long d : info.shape()) {
                expected *= Math.max(1, d);
            }
            if (staging.capacity() < expected) {
                staging.close();
                staging = new FloatPointer(expected);
            }
            // GetOutputMat's buffer belongs to the instance and is reused by the next Forward: copy now
            TnnEngine.check(TnnGlue.getOutput(instance, names.get(i), staging, staging.capacity(), count),
                    "GetOutputMat(" + info.name() + ")");
            float[] arr = arrays.get(i);
            if (arr == null || arr.length != count[0]) {
                arr = new float[(int) count[0]];
                arrays.set(i, arr);
            }
            staging.position(0).get(arr);
            out.add(new Tensor(info.name(), info.shape(), arr));
        }
        return out;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("TNN session is closed");
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
            instance.close(); // drops our shared_ptr: the instance is freed
            instance = null;
            input.close();
            staging.close();
            for (BytePointer p : names) {
                p.close();
            }
        }
        engine.forget(this);
    }
}
