package io.github.scrfd4j.engine.mnn;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.ModelBytes;
import io.github.scrfd4j.engine.NativeEngine;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * MNN engine for {@code .mnn} models. Owns one {@link Interpreter}; every session owns one MNN
 * {@link Session} (sessions of one interpreter may run in parallel; creating and releasing them is
 * serialised under the engine's lock). The backend a session really got is checked: MNN silently
 * falls back to the CPU when, for example, OpenCL finds no GPU-type device; we fail instead, unless
 * fallback was allowed, and then say so in the log.
 */
public final class MnnEngine extends NativeEngine<MnnEngineSession> {
    private static final System.Logger LOG = System.getLogger(MnnEngine.class.getName());

    private final Path model;
    private final MnnOptions options;
    private Interpreter net;
    private volatile MnnDevice actualDevice;

    public MnnEngine(Path model, MnnOptions options) {
        super("MNN engine for " + model);
        this.model = model;
        this.options = options;
        MnnRuntime.unavailableReason().ifPresent(r -> {
            throw new EngineException("MNN engine unavailable: " + r);
        });
        byte[] bytes = ModelBytes.read(model, "MNN model");
        try (BytePointer buf = new BytePointer(bytes)) {
            net = Interpreter.createFromBuffer(buf, bytes.length);
        }
        if (net == null || net.isNull()) {
            throw new EngineException("MNN cannot load " + model + ": not an MNN model, or corrupt/truncated");
        }
        try {
            Session probe = createSession();
            try {
                describe(readInput(probe), readOutputs(probe));
            } finally {
                synchronized (lock()) {
                    net.releaseSession(probe);
                }
            }
        } catch (RuntimeException e) {
            Interpreter.destroy(net);
            net = null;
            throw e;
        }
    }

    private InputSpec readInput(Session probe) {
        int[] shape = shapeOf(net.getSessionInput(probe, (BytePointer) null));
        if (shape.length != 4 || shape[1] != 3 || shape[2] <= 0 || shape[3] <= 0) {
            throw new EngineException("input of " + model + " has shape " + Arrays.toString(shape)
                    + ", expected [1, 3, H, W]");
        }
        return new InputSpec("input", shape[3], shape[2]);
    }

    private List<TensorInfo> readOutputs(Session probe) {
        List<TensorInfo> outs = new ArrayList<>();
        int n = SessionOutputs.outputCount(net, probe);
        for (int i = 0; i < n; i++) {
            String name = SessionOutputs.outputName(net, probe, i).getString();
            try (BytePointer p = new BytePointer(name)) {
                long[] dims = Arrays.stream(shapeOf(net.getSessionOutput(probe, p))).asLongStream().toArray();
                outs.add(new TensorInfo(name, dims));
            }
        }
        return outs;
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
        synchronized (lock()) {
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
                synchronized (lock()) {
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

    /** The device sessions really run on (after any allowed fallback). */
    public MnnDevice actualDevice() {
        return actualDevice;
    }

    @Override
    public String name() {
        return "MNN " + MnnRuntime.version() + " (" + (actualDevice == null ? options.device() : actualDevice) + ", "
                + options.threads() + " threads)";
    }

    public Path model() {
        return model;
    }

    @Override
    protected MnnEngineSession newSession() {
        Session s = createSession();
        try {
            return new MnnEngineSession(this, s);
        } catch (RuntimeException e) {
            net.releaseSession(s);
            throw e;
        }
    }

    @Override
    protected void release() {
        Interpreter.destroy(net);
        net = null;
    }
}
