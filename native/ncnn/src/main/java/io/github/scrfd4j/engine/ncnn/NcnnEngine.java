package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.ModelBytes;
import io.github.scrfd4j.engine.NativeEngine;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.ncnn.Net;
import org.bytedeco.ncnn.Option;
import org.bytedeco.ncnn.global.ncnn;

/**
 * ncnn engine for a text {@code .param} and its {@code .bin}, from files or from memory. One
 * {@link Net} serves every session (ncnn's {@code create_extractor} is thread-safe); each run makes
 * its own extractor (extractors cache blobs). The param file is validated in Java first
 * ({@link NcnnParam}), the weights are read with bounds and must be consumed exactly, the options
 * are set before loading (changing them later is undefined in ncnn), and a probe run at load learns
 * the output shapes, so that a later run with other row counts is refused rather than misread.
 */
public final class NcnnEngine extends NativeEngine<NcnnEngineSession> {
    private static final System.Logger LOG = System.getLogger(NcnnEngine.class.getName());

    private final String source;
    private final NcnnOptions options;
    private final NcnnDevice actualDevice;
    private final List<String> outputNames;
    private final String inputName;
    private Net net;

    /** Loads {@code param} and {@code bin} files. */
    public NcnnEngine(Path param, Path bin, NcnnOptions options) {
        this(ModelBytes.read(param, "ncnn .param file"), ModelBytes.read(bin, "ncnn .bin file"),
                param.getFileName() + " + " + bin.getFileName(), options);
    }

    /** Loads a model from memory; the arrays are copied and may be reused afterwards. */
    public static NcnnEngine fromMemory(byte[] param, byte[] bin, NcnnOptions options) {
        return new NcnnEngine(param.clone(), bin.clone(), "(in memory)", options);
    }

    private NcnnEngine(byte[] param, byte[] bin, String source, NcnnOptions options) {
        super("ncnn engine for " + source);
        this.source = source;
        this.options = options;
        NcnnRuntime.unavailableReason().ifPresent(r -> {
            throw new EngineException("ncnn engine unavailable: " + r);
        });
        NcnnParam parsed = NcnnParam.parse(param, source);
        this.inputName = inputName(parsed, options);
        this.actualDevice = device(options);
        net = ncnn.ncnn_net_create();
        try {
            configure(net);
            try (BytePointer text = new BytePointer(param.length + 1L)) {
                text.put(param).put(param.length, (byte) 0);
                if (ncnn.ncnn_net_load_param_memory(net, text) != 0) {
                    throw new EngineException("ncnn rejected the .param " + source + " (see its message on stderr)");
                }
            }
            try (BytePointer weights = new BytePointer(Math.max(1, bin.length))) {
                weights.put(bin);
                long left = ncnn.loadModelBounded(net, weights, bin.length);
                if (left < 0) {
                    throw new EngineException("ncnn could not read the weights of " + source + ": the .bin is"
                            + " truncated or belongs to another .param");
                }
                if (left > 0) {
                    throw new EngineException("the .bin of " + source + " has " + left + " bytes more than its"
                            + " .param's layers read: it belongs to another model");
                }
            }
            outputNames = readOutputNames();
            int[] size = parsed.fixedInput().orElse(null);
            InputSpec spec = size == null ? new InputSpec(inputName, -1, -1) : new InputSpec(inputName, size[0], size[1]);
            describe(spec, probeOutputs(spec));
        } catch (RuntimeException e) {
            ncnn.ncnn_net_destroy(net);
            net = null;
            throw e;
        }
    }

    private static String inputName(NcnnParam parsed, NcnnOptions options) {
        if (options.inputName() != null) {
            if (!parsed.inputs().contains(options.inputName())) {
                throw new EngineException("ncnn model has no input '" + options.inputName() + "' (its inputs: "
                        + parsed.inputs() + ")");
            }
            return options.inputName();
        }
        if (parsed.inputs().size() != 1) {
            throw new EngineException("ncnn model has inputs " + parsed.inputs() + "; SCRFD takes one image input");
        }
        return parsed.inputs().get(0);
    }

    private static NcnnDevice device(NcnnOptions options) {
        if (options.device() != NcnnDevice.VULKAN) {
            return NcnnDevice.CPU;
        }
        String why = NcnnRuntime.vulkanUnusable().orElse(null);
        if (why == null) {
            return NcnnDevice.VULKAN;
        }
        if (!options.allowFallback()) {
            throw new EngineException("ncnn cannot run on Vulkan: " + why + "; use --device cpu, or allow"
                    + " fallback (--allow-fallback)");
        }
        LOG.log(System.Logger.Level.WARNING, "scrfd4j: ncnn runs on the CPU: " + why + " (fallback allowed)");
        return NcnnDevice.CPU;
    }

    private void configure(Net target) {
        Option opt = ncnn.ncnn_option_create();
        try {
            ncnn.ncnn_option_set_num_threads(opt, options.threads());
            ncnn.ncnn_option_set_use_vulkan_compute(opt, actualDevice == NcnnDevice.VULKAN ? 1 : 0);
            options.precision().apply(opt);
            ncnn.ncnn_net_set_option(target, opt);
        } finally {
            ncnn.ncnn_option_destroy(opt);
        }
    }

    private List<String> readOutputNames() {
        int n = ncnn.ncnn_net_get_output_count(net);
        if (n <= 0) {
            throw new EngineException("ncnn model " + source + " has no outputs");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BytePointer name = ncnn.ncnn_net_get_output_name(net, i);
            if (name == null || name.isNull()) {
                throw new EngineException("ncnn model " + source + " has an unnamed output " + i);
            }
            names.add(name.getString());
        }
        return names;
    }

    /** One run on zeros at the model's size (640x640 for a dynamic one) to learn the output shapes. */
    private List<TensorInfo> probeOutputs(InputSpec spec) {
        int w = spec.dynamic() ? 640 : spec.width();
        int h = spec.dynamic() ? 640 : spec.height();
        try (NcnnRun run = new NcnnRun(net, inputName, outputNames, source);
             FloatPointer zeros = new FloatPointer(3L * w * h)) {
            zeros.zero();
            List<Tensor> out = run.run(zeros, w, h, (i, n) -> new float[n]);
            List<TensorInfo> infos = new ArrayList<>();
            for (Tensor t : out) {
                long[] shape = t.shape();
                if (spec.dynamic()) {
                    shape[1] = -1; // rows depend on the input size
                }
                infos.add(new TensorInfo(t.name(), shape));
            }
            return infos;
        }
    }

    Net net() {
        return net;
    }

    String inputName() {
        return inputName;
    }

    List<String> outputNames() {
        return outputNames;
    }

    String source() {
        return source;
    }

    /** The device runs really use (CPU after an allowed Vulkan fallback). */
    public NcnnDevice actualDevice() {
        return actualDevice;
    }

    @Override
    public String name() {
        return "ncnn " + NcnnRuntime.version() + " (" + actualDevice + ", " + options.threads() + " threads, "
                + options.precision().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    protected NcnnEngineSession newSession() {
        return new NcnnEngineSession(this);
    }

    @Override
    protected void release() {
        ncnn.ncnn_net_destroy(net);
        net = null;
    }
}
