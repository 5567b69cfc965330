package io.github.scrfd4j.engine.tnn;

import io.github.scrfd4j.engine.NativeEngineSession;
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
public final class TnnEngineSession extends NativeEngineSession {
    private final TnnEngine engine;
    private Instance instance;
    private final FloatPointer input;
    private final FloatBuffer inputBuffer;
    private final List<BytePointer> names = new ArrayList<>();
    private final long[] count = new long[1];
    private FloatPointer staging = new FloatPointer(1);

    TnnEngineSession(TnnEngine engine, Instance instance) {
        super(engine, "TNN model", "TNN session");
        this.engine = engine;
        this.instance = instance;
        int n = 3 * engine.input().width() * engine.input().height();
        this.input = new FloatPointer(n);
        this.inputBuffer = input.asBuffer();
        for (TensorInfo t : engine.outputs()) {
            names.add(new BytePointer(t.name()));
        }
    }

    @Override
    protected FloatBuffer input(int width, int height) {
        return inputBuffer;
    }

    @Override
    protected List<Tensor> infer(int width, int height) {
        TnnEngine.check(TnnGlue.setInput(instance, input, 1, 3, height, width, null), "SetInputMat");
        TnnEngine.check(instance.Forward(), "Forward on " + engine.proto().getFileName());
        List<Tensor> out = new ArrayList<>(names.size());
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
            float[] arr = outputArray(i, (int) count[0]);
            staging.position(0).get(arr);
            out.add(new Tensor(info.name(), info.shape(), arr));
        }
        return out;
    }

    @Override
    protected void release() {
        instance.close(); // drops our shared_ptr: the instance is freed
        instance = null;
        input.close();
        staging.close();
        for (BytePointer p : names) {
            p.close();
        }
    }
}
