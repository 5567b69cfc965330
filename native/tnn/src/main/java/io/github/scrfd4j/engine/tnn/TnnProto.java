package io.github.scrfd4j.engine.tnn;

import io.github.scrfd4j.engine.EngineException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code .tnnproto}, checked in Java before TNN parses it. TNN trusts the file: a proto cut short
 * (fewer layer lines than it declares, a line without its closing {@code ,"}) or one whose layers
 * read blobs nobody produced makes {@code TNN::Init} or the first instance read past its tables and
 * kill the JVM (SIGSEGV/SIGABRT, seen here with protos truncated by 30 bytes to 6 KB). The structure
 * is checked here: quoted lines ending in {@code ,"}, the header, the input and output lines, the
 * declared layer count against the layer lines, and every layer's input and output blob names.
 * Layer parameters stay TNN's to check.
 *
 * @param inputs  the model's input names
 * @param outputs the model's output names
 * @param layers  the layer count, declared and found
 */
record TnnProto(List<String> inputs, List<String> outputs, int layers) {
    private static final int MAX_LAYERS = 100_000;
    private static final int MAX_BLOBS_PER_LAYER = 4096;

    static TnnProto parse(byte[] bytes, String source) {
        for (byte b : bytes) {
            if (b == 0) {
                throw invalid(source, "it contains NUL bytes: not a .tnnproto text file");
            }
        }
        List<String[]> lines = new ArrayList<>();
        int number = 0;
        for (String raw : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 3 || line.charAt(0) != '"' || !line.endsWith(",\"")) {
                throw invalid(source, "line " + number + " is not a quoted proto line ending in ,\" (truncated, or"
                        + " not a .tnnproto)");
            }
            String body = line.substring(1, line.length() - 2).strip();
            lines.add(body.isEmpty() ? new String[0] : body.split("\\s+"));
        }
        if (lines.size() < 5) {
            throw invalid(source, "it has " + lines.size() + " proto lines; a model has a header, inputs, blobs,"
                    + " outputs, a layer count and its layers");
        }
        String[] header = lines.get(0);
        if (header.length < 4) {
            throw invalid(source, "the header line has " + header.length + " fields, expected 4");
        }
        for (String h : header) {
            number(h, source, "header field");
        }
        List<String> inputs = new ArrayList<>();
        for (String part : String.join(" ", lines.get(1)).split(":")) {
            String[] t = part.strip().split("\\s+");
            if (t.length < 2 || t[0].isEmpty()) {
                throw invalid(source, "the input line has an input without a name and dimensions");
            }
            int rank = count(t[1], 8, source, "input " + t[0] + " rank");
            if (t.length < 2 + rank) {
                throw invalid(source, "input " + t[0] + " declares " + rank + " dimensions but lists fewer");
            }
            inputs.add(t[0]);
        }
        Set<String> declaredBlobs = new HashSet<>(List.of(lines.get(2)));
        List<String> outputs = List.of(lines.get(3));
        if (outputs.isEmpty()) {
            throw invalid(source, "it declares no outputs");
        }
        if (lines.get(4).length != 1) {
            throw invalid(source, "the fifth proto line must hold the layer count alone");
        }
        int layerCount = count(lines.get(4)[0], MAX_LAYERS, source, "layer count");
        if (lines.size() - 5 != layerCount) {
            throw invalid(source, "it declares " + layerCount + " layers but has " + (lines.size() - 5)
                    + " layer lines (truncated?)");
        }
        Set<String> produced = new HashSet<>(inputs);
        for (int i = 5; i < lines.size(); i++) {
            String[] t = lines.get(i);
            String where = "layer line " + (i - 4);
            if (t.length < 4) {
                throw invalid(source, where + " needs type, name, input count and output count");
            }
            int in = count(t[2], MAX_BLOBS_PER_LAYER, source, where + " input count");
            int out = count(t[3], MAX_BLOBS_PER_LAYER, source, where + " output count");
            if (out == 0 || t.length < 4 + in + out) {
                throw invalid(source, where + " (" + t[1] + ") declares " + in + " inputs and " + out
                        + " outputs but names fewer blobs");
            }
            for (int k = 0; k < in; k++) {
                if (!produced.contains(t[4 + k])) {
                    throw invalid(source, where + " (" + t[1] + ") reads blob '" + t[4 + k]
                            + "', which no input or earlier layer produces");
                }
            }
            for (int k = 0; k < out; k++) {
                String blob = t[4 + in + k];
                if (!declaredBlobs.contains(blob) && !outputs.contains(blob)) {
                    throw invalid(source, where + " (" + t[1] + ") writes blob '" + blob
                            + "', which the blob list does not declare");
                }
                produced.add(blob);
            }
        }
        for (String o : outputs) {
            if (!produced.contains(o)) {
                throw invalid(source, "output '" + o + "' is produced by no layer");
            }
        }
        return new TnnProto(List.copyOf(inputs), outputs, layerCount);
    }

    private static void number(String s, String source, String what) {
        try {
            Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw invalid(source, what + " '" + s + "' is not a number: not a .tnnproto file");
        }
    }

    private static int count(String s, int max, String source, String what) {
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw invalid(source, what + " '" + s + "' is not a number");
        }
        if (n < 0 || n > max) {
            throw invalid(source, what + " " + n + " is out of range (0-" + max + ")");
        }
        return n;
    }

    private static EngineException invalid(String source, String why) {
        return new EngineException("invalid TNN proto " + source + ": " + why);
    }
}
