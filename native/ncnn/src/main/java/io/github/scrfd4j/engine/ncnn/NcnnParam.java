package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.engine.EngineException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A text {@code .param} file, checked in Java before ncnn sees it. ncnn's loader trusts the file: it
 * does not check that the blobs the layers create fit the declared blob count, and a bottom name no
 * layer produced creates a new blob, so a malformed file writes past ncnn's blob array (a heap
 * overflow, a JVM crash). Here every count, name and parameter is checked, and a file that is not
 * an ncnn text param is named as such.
 *
 * @param layers     layer count declared and found
 * @param blobs      blob count declared (at least the blobs the layers create)
 * @param inputs     names of the {@code Input} layers' blobs
 * @param fixedInput the input size ({@code [width, height]}) the file fixes, if any: the
 *                   {@code Input} layer's {@code 0=w 1=h}, or else 8x the largest fixed
 *                   {@code Interp} output (SCRFD's stride-8 FPN level), as in models converted
 *                   from fixed-shape ONNX
 */
public record NcnnParam(int layers, int blobs, List<String> inputs, Optional<int[]> fixedInput) {
    static final int MAGIC = 7767517;
    private static final int MAX_LAYERS = 100_000;
    private static final int MAX_BLOBS = 1_000_000;
    private static final int MAX_BLOBS_PER_LAYER = 4096;
    private static final int MAX_TOKEN = 255;
    // ncnn's ParamDict holds ids 0..31; arrays are written as -23300 - id
    private static final int MAX_PARAM_ID = 32;
    private static final int ARRAY_BASE = -23300;
    // 30 carries shape hints, which ncnn divides by the top count while loading: not accepted
    private static final int SHAPE_HINTS = 30;
    private static final int MAX_VALUE_CHARS = 15;

    /** Parses and checks {@code bytes}; {@code source} names the file in errors. */
    public static NcnnParam parse(byte[] bytes, String source) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw invalid(source, "it contains NUL bytes: not an ncnn text .param (a binary .param.bin is not supported)");
            }
            // ncnn's scanf reading splits tokens differently from any Java tokenizer on tabs, lone CRs
            // and multi-byte characters, so a file must be plain printable ASCII for both to agree
            boolean ok = (b >= 0x20 && b <= 0x7e) || b == '\n' || (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n');
            if (!ok) {
                throw invalid(source, "byte " + i + " (0x" + Integer.toHexString(b) + ") is not printable ASCII,"
                        + " space or a line break");
            }
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
        int at = 0;
        while (at < lines.length && lines[at].isBlank()) {
            at++;
        }
        if (at >= lines.length || !lines[at].trim().equals(Integer.toString(MAGIC))) {
            throw invalid(source, "the first line is not ncnn's magic number " + MAGIC
                    + ": not an ncnn text .param file");
        }
        at++;
        String[] counts = at < lines.length ? lines[at].trim().split("\\s+") : new String[0];
        if (counts.length != 2) {
            throw invalid(source, "line " + (at + 1) + " must hold the layer count and the blob count");
        }
        int layerCount = count(counts[0], MAX_LAYERS, source, "layer count");
        int blobCount = count(counts[1], MAX_BLOBS, source, "blob count");
        at++;
        Set<String> produced = new HashSet<>();
        List<String> inputs = new ArrayList<>();
        int maxInterp = 0;
        int[] inputSize = null;
        int layer = 0;
        for (; at < lines.length; at++) {
            String line = lines[at].trim();
            if (line.isEmpty()) {
                continue;
            }
            if (layer == layerCount) {
                throw invalid(source, "it declares " + layerCount + " layers but has more (line " + (at + 1) + ")");
            }
            String where = "line " + (at + 1);
            String[] t = line.split("\\s+");
            if (t.length < 4) {
                throw invalid(source, where + ": a layer line needs type, name, bottom count and top count");
            }
            for (String token : t) {
                if (token.length() > MAX_TOKEN) {
                    throw invalid(source, where + ": a token longer than " + MAX_TOKEN + " characters");
                }
            }
            int bottoms = count(t[2], MAX_BLOBS_PER_LAYER, source, where + " bottom count", true);
            int tops = count(t[3], MAX_BLOBS_PER_LAYER, source, where + " top count", false);
            if (t.length < 4 + bottoms + tops) {
                throw invalid(source, where + ": layer " + t[1] + " declares " + bottoms + " bottoms and " + tops
                        + " tops but names fewer blobs");
            }
            for (int i = 0; i < bottoms; i++) {
                String b = t[4 + i];
                if (!produced.contains(b)) {
                    throw invalid(source, where + ": layer " + t[1] + " reads blob '" + b
                            + "', which no earlier layer produces");
                }
            }
            for (int i = 0; i < tops; i++) {
                String top = t[4 + bottoms + i];
                if (!produced.add(top)) {
                    throw invalid(source, where + ": blob '" + top + "' is produced twice");
                }
                if (produced.size() > blobCount) {
                    throw invalid(source, where + ": the layers create more blobs than the declared " + blobCount);
                }
            }
            int[] params = new int[MAX_PARAM_ID];
            java.util.Arrays.fill(params, Integer.MIN_VALUE);
            for (int i = 4 + bottoms + tops; i < t.length; i++) {
                parseParam(t[i], params, source, where);
            }
            checkDivisors(t[0], t[1], params, source, where);
            if (t[0].equals("Input")) {
                if (bottoms != 0 || tops != 1) {
                    throw invalid(source, where + ": an Input layer has no bottom and one top");
                }
                inputs.add(t[4]);
                if (params[0] > 0 && params[1] > 0) {
                    inputSize = new int[] {params[0], params[1]};
                }
            } else if (t[0].equals("Interp") && params[3] > 0 && params[4] > 0) {
                maxInterp = Math.max(maxInterp, Math.max(params[3], params[4]));
            }
            layer++;
        }
        if (layer != layerCount) {
            throw invalid(source, "it declares " + layerCount + " layers but has " + layer + " (truncated?)");
        }
        if (inputs.isEmpty()) {
            throw invalid(source, "it has no Input layer");
        }
        Optional<int[]> fixed = inputSize != null ? Optional.of(inputSize)
                : maxInterp > 0 ? Optional.of(new int[] {8 * maxInterp, 8 * maxInterp}) : Optional.empty();
        return new NcnnParam(layerCount, blobCount, List.copyOf(inputs), fixed);
    }

    /**
     * Parameters ncnn divides by when it builds the layers SCRFD uses (convolutions, pooling, inner
     * products): zero there is a SIGFPE in ncnn, so it is refused here. Layer types ncnn does not
     * know are left to ncnn, which refuses them cleanly.
     */
    private static void checkDivisors(String type, String name, int[] p, String source, String where) {
        boolean conv = type.startsWith("Convolution") || type.startsWith("Deconvolution");
        if (conv || type.equals("InnerProduct")) {
            positive(p, 0, true, type, name, "num_output", source, where);
            positive(p, 6, true, type, name, "weight_data_size", source, where);
        }
        if (conv) {
            positive(p, 1, true, type, name, "kernel_w", source, where);
            for (int id : new int[] {11, 2, 12, 3, 13, 7}) {
                positive(p, id, false, type, name, "parameter " + id, source, where);
            }
            if (p[7] > 0 && p[0] > 0 && p[0] % p[7] != 0) {
                throw invalid(source, where + ": " + type + " " + name + " has num_output " + p[0]
                        + " not divisible by its group " + p[7]);
            }
        }
        if (type.equals("Pooling") && p[4] != 1) {
            positive(p, 1, true, type, name, "kernel_w", source, where);
            for (int id : new int[] {11, 2, 12}) {
                positive(p, id, false, type, name, "parameter " + id, source, where);
            }
        }
    }

    private static void positive(int[] p, int id, boolean required, String type, String name, String what,
                                 String source, String where) {
        boolean set = p[id] != Integer.MIN_VALUE;
        if ((required && !set) || (set && p[id] <= 0)) {
            throw invalid(source, where + ": " + type + " " + name + " needs a positive " + what + " ("
                    + id + "=), got " + (set ? Integer.toString(p[id]) : "none"));
        }
    }

    /** Checks one {@code id=value}: ids below 32, numbers, arrays {@code n,v1,...,vn} of n values. */
    private static void parseParam(String token, int[] params, String source, String where) {
        int eq = token.indexOf('=');
        if (eq <= 0) {
            throw invalid(source, where + ": parameter '" + token + "' is not id=value");
        }
        int id;
        try {
            id = Integer.parseInt(token.substring(0, eq));
        } catch (NumberFormatException e) {
            throw invalid(source, where + ": parameter id '" + token.substring(0, eq) + "' is not a number");
        }
        boolean array = id <= ARRAY_BASE;
        int slot = array ? ARRAY_BASE - id : id;
        if (slot < 0 || slot >= MAX_PARAM_ID || slot == SHAPE_HINTS) {
            throw invalid(source, where + ": parameter id " + id + " is out of ncnn's range (0-31 except 30, or -23300-n for arrays)");
        }
        String value = token.substring(eq + 1);
        String[] parts = value.split(",", -1);
        if (array) {
            int n = count(parts[0], MAX_BLOBS, source, where + " array length of parameter " + id, true);
            if (parts.length != n + 1) {
                throw invalid(source, where + ": array parameter " + id + " declares " + n + " values but has "
                        + (parts.length - 1));
            }
        } else if (parts.length != 1) {
            throw invalid(source, where + ": parameter " + id + " has a list value without the array id form");
        }
        for (int i = array ? 1 : 0; i < parts.length; i++) {
            if (parts[i].length() > MAX_VALUE_CHARS) {
                // ncnn reads each value with %15[^,\n ]: a longer one would be split into two tokens
                throw invalid(source, where + ": parameter " + id + " value '" + parts[i] + "' is longer than "
                        + MAX_VALUE_CHARS + " characters");
            }
            try {
                float f = Float.parseFloat(parts[i]);
                if (!array && parts[i].matches("-?\\d+")) {
                    params[slot] = Integer.parseInt(parts[i]);
                } else if (Float.isNaN(f)) {
                    throw new NumberFormatException("NaN");
                }
            } catch (NumberFormatException e) {
                throw invalid(source, where + ": parameter " + id + " value '" + parts[i] + "' is not a number");
            }
        }
    }

    private static int count(String text, int max, String source, String what) {
        return count(text, max, source, what, false);
    }

    private static int count(String text, int max, String source, String what, boolean zeroAllowed) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(source, what + " '" + text + "' is not a number");
        }
        if (n < (zeroAllowed ? 0 : 1) || n > max) {
            throw invalid(source, what + " " + n + " is out of range (" + (zeroAllowed ? 0 : 1) + "-" + max + ")");
        }
        return n;
    }

    private static EngineException invalid(String source, String why) {
        return new EngineException("invalid ncnn .param " + source + ": " + why);
    }
}
