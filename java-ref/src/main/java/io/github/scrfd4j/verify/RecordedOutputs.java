package io.github.scrfd4j.verify;

import io.github.scrfd4j.conformance.Npy;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A directory of a reference engine's outputs, keyed by the SHA-256 of the input tensor's float bits:
 * {@code engine.tsv} (engine name, input, outputs) and one folder per input with {@code names.txt} and
 * one {@code .npy} per output. Recorded where the reference runs fast (ONNX Runtime on x86-64) and
 * replayed where it does not (under emulation); java-ref's letterbox is bit-exact on every CPU, so a
 * photo gives the same key everywhere.
 */
public final class RecordedOutputs {
    static final String INDEX = "engine.tsv";
    private final Path dir;

    public RecordedOutputs(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** SHA-256 of the first {@code count} floats of the buffer (from position 0), as hex. */
    public static String key(FloatBuffer input, int count) {
        ByteBuffer bytes = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer view = input.duplicate();
        view.clear().limit(count);
        bytes.asFloatBuffer().put(view);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    void writeIndex(String engineName, InputSpec input, List<TensorInfo> outputs) throws IOException {
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("engine\t" + engineName);
        lines.add("input\t" + input.name() + "\t" + input.width() + "\t" + input.height());
        for (TensorInfo t : outputs) {
            lines.add("output\t" + t.name() + "\t" + dims(t.shape()));
        }
        Files.write(dir.resolve(INDEX), lines, StandardCharsets.UTF_8);
    }

    void write(String key, List<Tensor> outputs) throws IOException {
        Path d = dir.resolve(key);
        Files.createDirectories(d);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor t = outputs.get(i);
            Npy.writeFloats(d.resolve(i + ".npy"), t.shape(), t.data());
            names.add(t.name());
        }
        Files.write(d.resolve("names.txt"), names, StandardCharsets.UTF_8);
    }

    /** The outputs recorded for this input; an {@link EngineException} naming the key when there are none. */
    List<Tensor> read(String key) {
        Path d = dir.resolve(key);
        if (!Files.isRegularFile(d.resolve("names.txt"))) {
            throw new EngineException("no recorded reference outputs for this input (SHA-256 " + key + ") in " + dir
                    + ": record them with --save-reference on the same inputs");
        }
        try {
            List<String> names = Files.readAllLines(d.resolve("names.txt"), StandardCharsets.UTF_8);
            List<Tensor> out = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Npy.Array a = Npy.read(d.resolve(i + ".npy"));
                if (a.floats() == null) {
                    throw new IOException(d.resolve(i + ".npy") + " is not float32");
                }
                out.add(new Tensor(names.get(i), a.shape(), a.floats()));
            }
            return out;
        } catch (IOException e) {
            throw new EngineException("cannot read recorded reference outputs in " + d + ": " + e.getMessage(), e);
        }
    }

    /** The recorded engine's name, input and outputs. */
    record Index(String engine, InputSpec input, List<TensorInfo> outputs) {
    }

    Index readIndex() {
        Path f = dir.resolve(INDEX);
        if (!Files.isRegularFile(f)) {
            throw new EngineException("not a directory of recorded reference outputs (no " + INDEX + "): " + dir);
        }
        try {
            String engine = null;
            InputSpec input = null;
            List<TensorInfo> outputs = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t");
                switch (c[0]) {
                    case "engine" -> engine = c[1];
                    case "input" -> input = new InputSpec(c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]));
                    case "output" -> outputs.add(new TensorInfo(c[1], parseDims(c.length > 2 ? c[2] : "")));
                    default -> throw new IOException("unknown line: " + line);
                }
            }
            if (engine == null || input == null || outputs.isEmpty()) {
                throw new IOException("engine, input or outputs missing");
            }
            return new Index(engine, input, outputs);
        } catch (IOException | RuntimeException e) {
            throw new EngineException("damaged " + f + ": " + e.getMessage(), e);
        }
    }

    private static String dims(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (long d : shape) {
            sb.append(sb.length() == 0 ? "" : ",").append(d);
        }
        return sb.toString();
    }

    private static long[] parseDims(String s) {
        if (s.isEmpty()) {
            return new long[0];
        }
        String[] p = s.split(",");
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Long.parseLong(p[i]);
        }
        return out;
    }
}
