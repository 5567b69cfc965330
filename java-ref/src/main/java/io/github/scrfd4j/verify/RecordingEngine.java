package io.github.scrfd4j.verify;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.List;

/** An engine that passes every call to another and writes each run's outputs to {@link RecordedOutputs}. */
public final class RecordingEngine implements Engine {
    private final Engine delegate;
    private final RecordedOutputs store;

    /** Takes ownership of {@code delegate}: closing this closes it. */
    public RecordingEngine(Engine delegate, RecordedOutputs store) {
        this.delegate = delegate;
        this.store = store;
        try {
            store.writeIndex(delegate.name(), delegate.input(), delegate.outputs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recorded outputs to " + store.dir(), e);
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public InputSpec input() {
        return delegate.input();
    }

    @Override
    public List<TensorInfo> outputs() {
        return delegate.outputs();
    }

    @Override
    public EngineSession openSession() {
        EngineSession s = delegate.openSession();
        return new EngineSession() {
            private FloatBuffer input;

            @Override
            public FloatBuffer inputBuffer(int width, int height) {
                input = s.inputBuffer(width, height);
                return input;
            }

            @Override
            public List<Tensor> run(int width, int height) {
                if (input == null) {
                    throw new IllegalStateException("inputBuffer was not called before run");
                }
                String key = RecordedOutputs.key(input, 3 * width * height);
                List<Tensor> out = s.run(width, height);
                try {
                    store.write(key, out);
                } catch (IOException e) {
                    throw new EngineException("cannot record outputs in " + store.dir() + ": " + e.getMessage(), e);
                }
                return out;
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    @Override
    public void close() {
        delegate.close();
    }
}
