package io.github.scrfd4j.engine.tnn;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.ModelBytes;
import io.github.scrfd4j.engine.NativeEngine;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.tnn.Instance;
import org.bytedeco.tnn.ModelConfig;
import org.bytedeco.tnn.NetworkConfig;
import org.bytedeco.tnn.Status;
import org.bytedeco.tnn.TNN;
import org.bytedeco.tnn.TnnGlue;

/**
 * TNN engine for {@code .tnnproto} + {@code .tnnmodel}. One {@link TNN} per engine, one
 * {@link Instance} per session (instances are not thread-safe). Every non-OK
 * {@code Status} becomes an {@link EngineException} with TNN's code and message.
 *
 * <p>Threads: {@code threads} goes to {@code SetCpuNumThreads}, which TNN's x86 device applies
 * through OpenMP (libgomp) at each {@code Forward}; a TNN built without OpenMP runs one thread
 * whatever the setting. On a 2-core machine 2 threads were slower than 1, so the default is 1.
 */
public final class TnnEngine extends NativeEngine<TnnEngineSession> {
    private final Path proto;
    private final Path model;
    private final TnnDevice device;
    private final int threads;
    private TNN tnn;

    public TnnEngine(Path proto, Path model, TnnDevice device, int threads) {
        super("TNN engine for " + proto);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        TnnRuntime.unavailableReason().ifPresent(r -> {
            throw new EngineException("TNN engine unavailable: " + r);
        });
        this.proto = proto;
        this.model = model;
        this.device = device;
        this.threads = threads;
        byte[] protoBytes = ModelBytes.read(proto, "TNN model file");
        byte[] modelBytes = ModelBytes.read(model, "TNN model file");
        TnnProto.parse(protoBytes, proto.getFileName().toString());
        tnn = new TNN();
        try (ModelConfig config = new ModelConfig()) {
            config.model_type(ModelConfig.MODEL_TYPE_TNN).addParam(protoBytes).addParam(modelBytes);
            check(tnn.Init(config), "Init (load " + proto.getFileName() + " + " + model.getFileName() + ")");
        } catch (RuntimeException e) {
            tnn.close();
            tnn = null;
            throw e;
        }
        try {
            Instance probe = createInstance();
            try {
                int[] dims = new int[8];
                try (IntPointer d = new IntPointer(8)) {
                    int rank = TnnGlue.inputDims(probe, d, 8);
                    d.get(dims);
                    if (rank != 4 || dims[1] != 3 || dims[2] <= 0 || dims[3] <= 0) {
                        throw new EngineException("TNN model " + proto + " has an input of rank " + rank
                                + ", expected [1, 3, H, W]");
                    }
                }
                describe(new InputSpec("input", dims[3], dims[2]), readOutputs(probe));
            } finally {
                probe.close();
            }
        } catch (RuntimeException e) {
            tnn.DeInit();
            tnn.close();
            tnn = null;
            throw e;
        }
    }

    static List<TensorInfo> readOutputs(Instance inst) {
        int n = TnnGlue.outputCount(inst);
        if (n <= 0) {
            throw new EngineException("TNN instance reports no outputs");
        }
        List<TensorInfo> out = new ArrayList<>();
        try (BytePointer name = new BytePointer(256); IntPointer dims = new IntPointer(8)) {
            for (int i = 0; i < n; i++) {
                int rank = TnnGlue.outputInfo(inst, i, name, 256, dims, 8);
                long[] shape = new long[Math.max(0, rank)];
                for (int k = 0; k < shape.length; k++) {
                    shape[k] = dims.get(k);
                }
                byte[] raw = new byte[256];
                name.get(raw);
                int end = 0;
                while (end < raw.length && raw[end] != 0) {
                    end++;
                }
                out.add(new TensorInfo(new String(raw, 0, end, java.nio.charset.StandardCharsets.UTF_8), squeeze(shape)));
            }
        }
        return out;
    }

    /** TNN reports [1, N, C] outputs as [1, N, C] or with trailing 1s; drop trailing 1s beyond rank 3. */
    static long[] squeeze(long[] shape) {
        int r = shape.length;
        while (r > 3 && shape[r - 1] == 1) {
            r--;
        }
        return java.util.Arrays.copyOf(shape, r);
    }

    Instance createInstance() {
        synchronized (lock()) {
            checkOpen();
            try (NetworkConfig net = new NetworkConfig(); Status status = new Status()) {
                net.device_type(device.deviceType()).precision(NetworkConfig.PRECISION_HIGH);
                Instance inst = tnn.CreateInst(net, status);
                if (!status.ok() || inst == null || inst.isNull()) {
                    String hint = device == TnnDevice.OPENCL ? openClHint(status.code()) : "";
                    throw new EngineException("TNN could not create a " + device + " instance for " + proto
                            + ": code " + status.code() + " (0x" + Integer.toHexString(status.code()) + "), "
                            + status.description() + hint);
                }
                try {
                    check(inst.SetCpuNumThreads(threads), "SetCpuNumThreads");
                } catch (RuntimeException e) {
                    inst.close();
                    throw e;
                }
                return inst;
            }
        }
    }

    /** What a failed OpenCL instance means, from TNN's status code (include/tnn/core/status.h). */
    static String openClHint(int code) {
        switch (code) {
            case 0x9000: // TNNERR_DEVICE_NOT_SUPPORT
                return " (this libTNN.so was built without OpenCL: rebuild TNN with -DTNN_OPENCL_ENABLE=ON)";
            case 0x9001: // TNNERR_DEVICE_LIBRARY_LOAD
                return " (TNN dlopens the unversioned libOpenCL.so and found none: on Debian/Ubuntu install"
                        + " ocl-icd-opencl-dev, libOpenCL.so.1 alone is not enough; plus a GPU OpenCL driver)";
            case 0xA002: // TNNERR_OPENCL_RUNTIME_ERROR: no platform, or no CL_DEVICE_TYPE_GPU device
                return " (TNN's OpenCL device takes only GPU-type OpenCL devices; a CPU device such as"
                        + " PoCL's is rejected: run on a machine with a GPU OpenCL driver, or use --device cpu)";
            default:
                return " (TNN's OpenCL device needs TNN built with TNN_OPENCL_ENABLE=ON and a GPU-type"
                        + " OpenCL device; PoCL's CPU device is rejected)";
        }
    }

    static void check(Status s, String what) {
        try (s) {
            if (!s.ok()) {
                throw new EngineException("TNN " + what + " failed: code " + s.code() + " (0x"
                        + Integer.toHexString(s.code()) + "), " + s.description());
            }
        }
    }

    Path proto() {
        return proto;
    }

    @Override
    public String name() {
        return "TNN " + TnnRuntime.version() + " (" + device + ", " + threads + " threads)";
    }

    @Override
    protected TnnEngineSession newSession() {
        Instance inst = createInstance();
        try {
            return new TnnEngineSession(this, inst);
        } catch (RuntimeException e) {
            inst.close();
            throw e;
        }
    }

    @Override
    protected void release() {
        tnn.DeInit().close();
        tnn.close();
        tnn = null;
    }
}
