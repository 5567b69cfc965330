package io.github.scrfd4j.engine.mnn;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.OpenSessions;
import io.github.scrfd4j.engine.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.mnn.BackendConfig;
import org.bytedeco.mnn.Interpreter;
import org.bytedeco.mnn.ScheduleConfig;
import org.bytedeco.mnn.Session;
import org.bytedeco.mnn.SessionOutputs;
import org.bytedeco.mnn.Tensor;

/**
 * MNN engine for {@code .mnn} models. Owns one {@link Interpreter}; every {@link EngineSession} owns
 * one MNN {@link Session} (sessions of one interpreter may run in parallel; creating and releasing
 * them is serialised here). The backend a session really got is checked: MNN silently falls back to
 * the CPU when, for example, OpenCL finds no GPU-type device; we fail instead, unless fallback was
 * allowed, and then say so in the log.
 */
public final class MnnEngine implements Engine {
    private static final System.Logger LOG = System.getLogger(MnnEngine.class.getName());

    private final Path model;
    private final MnnOptions options;
    private final Object lock = new Object();
    private Interpreter net;
    private final InputSpec input;
    private final List<TensorInfo> outputs;
    private volatile MnnDevice actualDevice;
    private final OpenSessions<MnnEngineSession> sessions = new OpenSessions<>();
    private volatile boolean closed;

    public MnnEngine(Path model, MnnOptions options) {
        this.model = model;
        this.options = options;
        MnnRuntime.unavailableReason().ifPresent(r -> {
            throw new EngineException("MNN engine unavailable: " + r);
        });
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(model);
        } catch (NoSuchFileException e) {
            throw new EngineException("MNN model not found: " + model, e);
        } catch (IOException e) {
            throw new EngineException("cannot read MNN model " + model + ": " + e.getMessage(), e);
        }
        try (BytePointer buf = new BytePointer(bytes)) {
            net = Interpreter.createFromBuffer(buf, bytes.length);
        }
        if (net == null || net.isNull()) {
            throw new EngineException("MNN cannot load " + model + ": not an MNN model, or corrupt/truncated");
        }
        try {
            Session probe = createSession();
            try {
                Tensor in = net.getSessionInput(probe, (BytePointer) null);
                int[] shape = shapeOf(in);
                if (shape.length != 4 || shape[1] != 3 || shape[2] <= 0 || shape[3] <= 0) {
                    throw new EngineException("input of " + model + " has shape " + java.util.Arrays.toString(shape)
                            + ", expected [1, 3, H, W]");
                }
                input = new InputSpec("input", shape[3], shape[2]);
                List<TensorInfo> outs = new ArrayList<>();
                int n = SessionOutputs.outputCount(net, probe);
                for (int i = 0; i < n; i++) {
                    String name = SessionOutputs.outputName(net, probe, i).getString();
                    Tensor t = net.getSessionOutput(probe, new BytePointer(name));
                    long[] dims = java.util.Arrays.stream(shapeOf(t)).asLongStream().toArray();
                    outs.add(new TensorInfo(name, dims));
                }
                outputs = Collections.unmodifiableList(outs);
            } finally {
                synchronized (lock) {
                    net.releaseSession(probe);
                }
            }
        } catch (RuntimeException e) {
            Interpreter.destroy(net);
            net = null;
            throw e;
        }
    }

    static int[] shapeOf(Tensor t) {
        IntPointer p = t.shape();
        int[] s = new int[(int) p.limit()];
        p.get(s);
        return s;
    }

    /** Creates a session and checks which backend MNN really chose. */
    Session createSession() {
        BackendConfig backend = new BackendConfig().precision(options.precision());
        ScheduleConfig config = new ScheduleConfig().type(options.device().forwardType())
                .numThread(options.threads()).backupType(MnnDevice.CPU.forwardType()).backendConfig(backend);
        Session s;
        synchronized (lock) {
            checkOpen();
            s = net.createSession(config);
        }
        backend.close();
        config.close();
        if (s == null || s.isNull()) {
            throw new EngineException("MNN could not create a " + options.device() + " session for " + model);
        }
        int got;
        try (IntPointer info = new IntPointer(-1, -1, -1, -1)) {
            net.getSessionInfo(s, Interpreter.BACKENDS, info);
            got = info.get(0);
        }
        MnnDevice gotDevice = MnnDevice.ofForwardType(got);
        if (gotDevice != options.device()) {
            String what = "asked MNN for " + options.device() + " but the session runs on "
                    + (gotDevice == null ? "forward type " + got : gotDevice.toString());
            if (!options.allowFallback()) {
                synchronized (lock) {
                    net.releaseSession(s);
                }
                throw new EngineException(what + ". MNN's OpenCL backend accepts only GPU-type OpenCL devices"
                        + " (PoCL's CPU device is rejected) and needs libOpenCL.so and MNN built with MNN_OPENCL=ON;"
                        + " use --device cpu, or allow fallback (--allow-fallback)");
            }
            if (actualDevice == null) {
                LOG.log(System.Logger.Level.WARNING, "scrfd4j: " + what + " (fallback allowed)");
            }
        }
        actualDevice = gotDevice;
        return s;
    }

    Interpreter net() {
        return net;
    }

    Object lock() {
        return lock;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("MNN engine for " + model + " is closed");
        }
    }

    /** The device sessions really run on (after any allowed fallback). */
    public MnnDevice actualDevice() {
        return actualDevice;
    }

    @Override
    public String name() {
        return "MNN (" + (actualDevice == null ? options.device() : actualDevice) + ", " + options.threads()
                + " threads)";
    }

    @Override
    public InputSpec input() {
        return input;
    }

    @Override
    public List<TensorInfo> outputs() {
        return outputs;
    }

    public Path model() {
        return model;
    }

    @Override
    public MnnEngineSession openSession() {
        return sessions.add(new MnnEngineSession(this, createSession()));
    }

    void forget(MnnEngineSession s) {
        sessions.remove(s);
    }

    /** Closes every session still open, then frees the model. Idempotent. */
    @Override
    public void close() {
        if (!sessions.closeAll()) {
            return;
        }
        synchronized (lock) {
            closed = true;
            Interpreter.destroy(net);
            net = null;
        }
    }
}
