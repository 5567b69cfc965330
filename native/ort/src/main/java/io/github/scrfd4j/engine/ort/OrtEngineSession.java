package io.github.scrfd4j.engine.ort;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One thread's ONNX Runtime input tensor (a direct buffer ORT reads in place) and output arrays. */
final class OrtEngineSession implements EngineSession {
    private final OrtEngine engine;
    private FloatBuffer input;
    private OnnxTensor tensor;
    private int width;
    private int height;
    private final Map<String, float[]> outputArrays = new HashMap<>();
    private boolean closed;

    OrtEngineSession(OrtEngine engine) {
        this.engine = engine;
    }

    @Override
    public FloatBuffer inputBuffer(int w, int h) {
        checkOpen();
        if (tensor == null || w != width || h != height) {
            closeTensor();
            input = ByteBuffer.allocateDirect(4 * 3 * w * h).order(ByteOrder.nativeOrder()).asFloatBuffer();
            try {
                tensor = OnnxTensor.createTensor(engine.env(), input, new long[] {1, 3, h, w});
            } catch (OrtException e) {
                throw new EngineException("cannot create ONNX Runtime input tensor: " + e.getMessage(), e);
            }
            width = w;
            height = h;
        }
        return input;
    }

    @Override
    public List<Tensor> run(int w, int h) {
        checkOpen();
        if (tensor == null || w != width || h != height) {
            throw new IllegalStateException("call inputBuffer(" + w + ", " + h + ") before run");
        }
        try (OrtSession.Result r = engine.session().run(Map.of(engine.input().name(), tensor))) {
            List<Tensor> out = new ArrayList<>(r.size());
            for (Map.Entry<String, OnnxValue> e : r) {
                OnnxTensor t = (OnnxTensor) e.getValue();
                long[] shape = t.getInfo().getShape();
                FloatBuffer fb = t.getFloatBuffer();
                float[] arr = outputArrays.get(e.getKey());
                if (arr == null || arr.length != fb.remaining()) {
                    arr = new float[fb.remaining()];
                    outputArrays.put(e.getKey(), arr);
                }
                fb.get(arr);
                out.add(new Tensor(e.getKey(), shape, arr));
            }
            return out;
        } catch (OrtException e) {
            throw new EngineException("ONNX Runtime failed to run " + engine.model() + " at " + w + "x" + h + ": "
                    + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("engine session is closed");
        }
        engine.checkOpen();
    }

    private void closeTensor() {
        if (tensor != null) {
            tensor.close();
            tensor = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeTensor();
        }
    }
}
