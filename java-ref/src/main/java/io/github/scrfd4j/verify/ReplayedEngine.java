package io.github.scrfd4j.verify;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A reference engine that runs nothing: it answers each input with the outputs {@link RecordingEngine}
 * stored for the same input bits, and fails with the input's key when none were stored.
 */
public final class ReplayedEngine implements Engine {
    private final RecordedOutputs store;
    private final RecordedOutputs.Index index;
    private volatile boolean closed;

    public ReplayedEngine(RecordedOutputs store) {
        this.store = store;
        this.index = store.readIndex();
    }

    @Override
    public String name() {
        return index.engine() + " (recorded in " + store.dir() + ")";
    }

    @Override
    public InputSpec input() {
        return index.input();
    }

    @Override
    public List<TensorInfo> outputs() {
        return index.outputs();
    }

    @Override
    public EngineSession openSession() {
        check();
        return new EngineSession() {
            private FloatBuffer input;

            @Override
            public FloatBuffer inputBuffer(int width, int height) {
                check();
                if (input == null || input.capacity() < 3 * width * height) {
                    input = FloatBuffer.allocate(3 * width * height);
                }
                return input;
            }

            @Override
            public List<Tensor> run(int width, int height) {
                check();
                if (input == null) {
                    throw new IllegalStateException("inputBuffer was not called before run");
                }
                return store.read(RecordedOutputs.key(input, 3 * width * height));
            }

            @Override
            public void close() {
            }
        };
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("replayed engine is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
