package io.github.scrfd4j.models;

import java.util.List;
import java.util.Locale;

/** An inference engine's model format and the files it needs, in the order the engine loads them. */
public enum ModelFormat {
    ONNX("scrfd4j-ort", FileKind.ONNX),
    MNN("scrfd4j-mnn", FileKind.MNN),
    TNN("scrfd4j-tnn", FileKind.TNN_PROTO, FileKind.TNN_MODEL),
    NCNN("scrfd4j-ncnn", FileKind.NCNN_PARAM, FileKind.NCNN_BIN);

    private final String engineArtifact;
    private final List<FileKind> kinds;

    ModelFormat(String engineArtifact, FileKind... kinds) {
        this.engineArtifact = "io.github.scrfd4j:" + engineArtifact;
        this.kinds = List.of(kinds);
    }

    /** The format's name as engines declare it ({@code EngineProvider.formats()}): {@code onnx}, {@code tnn}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scrfd4j artifact whose engine loads this format, for "add this dependency" messages. */
    public String engineArtifact() {
        return engineArtifact;
    }

    /** The file kinds this format needs, e.g. proto then model for TNN. */
    public List<FileKind> kinds() {
        return kinds;
    }

    /** Parses a format name such as {@code onnx} or {@code NCNN} (case-insensitive). */
    public static ModelFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown model format '" + name + "' (known: onnx, mnn, tnn, ncnn)", e);
        }
    }

    /** The format a file name implies by its extension, or null when the extension is not a model one. */
    public static ModelFormat ofFileName(String fileName) {
        FileKind k = FileKind.ofFileName(fileName);
        return k == null ? null : k.format();
    }
}
