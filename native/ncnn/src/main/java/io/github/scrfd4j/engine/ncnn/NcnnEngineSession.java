package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.NativeEngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;

/**
 * One thread's ncnn context: the input tensor (native memory ncnn reads in place), the blob names,
 * reused output arrays. Each run makes and destroys its own extractor.
 */
public final class NcnnEngineSession extends NativeEngineSession {
    private final NcnnEngine engine;
    private final NcnnRun run;
    private FloatPointer input = new FloatPointer(1);
    private FloatBuffer inputBuffer = input.asBuffer();

    NcnnEngineSession(NcnnEngine engine) {
        super(engine, "ncnn model", "ncnn session");
        this.engine = engine;
        this.run = new NcnnRun(engine.net(), engine.inputName(), engine.outputNames(), engine.source());
    }

    @Override
    protected FloatBuffer input(int width, int height) {
        long n = 3L * width * height;
        if (input.capacity() != n) {
            input.close();
            input = new FloatPointer(n);
            inputBuffer = input.asBuffer();
        }
        return inputBuffer;
    }

    @Override
    protected List<Tensor> infer(int width, int height) {
        if (input.capacity() != 3L * width * height) {
            throw new IllegalStateException("call inputBuffer(" + width + ", " + height + ") before run");
        }
        List<Tensor> out = run.run(input, width, height, this::outputArray);
        if (!engine.input().dynamic()) {
            for (int i = 0; i < out.size(); i++) {
                TensorInfo expected = engine.outputs().get(i);
                if (!Arrays.equals(expected.shape(), out.get(i).shape())) {
                    throw new EngineException("ncnn output " + expected.name() + " has shape "
                            + Arrays.toString(out.get(i).shape()) + ", expected " + Arrays.toString(expected.shape()));
                }
            }
        }
        return out;
    }

    @Override
    protected void release() {
        run.close();
        input.close();
    }
}
