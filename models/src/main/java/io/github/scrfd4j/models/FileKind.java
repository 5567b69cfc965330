package io.github.scrfd4j.models;

import java.util.Locale;

/** The kind of one model file, as written in the manifest's {@code format} column. */
public enum FileKind {
    ONNX("onnx", ".onnx"),
    MNN("mnn", ".mnn"),
    TNN_PROTO("tnn-proto", ".tnnproto"),
    TNN_MODEL("tnn-model", ".tnnmodel"),
    NCNN_PARAM("ncnn-param", ".param"),
    NCNN_BIN("ncnn-bin", ".bin");

    private final String id;
    private final String extension;

    FileKind(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The manifest spelling, e.g. {@code tnn-proto}. */
    public String id() {
        return id;
    }

    /** The file name extension including the dot, e.g. {@code .tnnproto}. */
    public String extension() {
        return extension;
    }

    /** The engine format this file belongs to. */
    public ModelFormat format() {
        for (ModelFormat f : ModelFormat.values()) {
            if (f.kinds().contains(this)) {
                return f;
            }
        }
        throw new AssertionError(this);
    }

    /** Parses the manifest spelling (case-insensitive). */
    public static FileKind parse(String id) {
        for (FileKind k : values()) {
            if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown file format '" + id + "' (known: onnx, mnn, tnn-proto, tnn-model, ncnn-param, ncnn-bin)");
    }

    /** The kind whose extension the file name ends with, or null. */
    public static FileKind ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (FileKind k : values()) {
            if (lower.endsWith(k.extension)) {
                return k;
            }
        }
        return null;
    }
}
