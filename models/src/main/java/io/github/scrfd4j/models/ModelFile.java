package io.github.scrfd4j.models;

import java.net.URI;
import java.util.Objects;

/**
 * One row of the model manifest: a single published file of a model.
 *
 * @param name      model name shared by all files of one model, e.g. {@code scrfd_2.5g_bnkps_shape640x640}
 * @param file      file name, e.g. {@code scrfd_2.5g_bnkps_shape640x640.opt.tnnproto}
 * @param kind      what the file is
 * @param variant   network variant, e.g. {@code 2.5g_bnkps}
 * @param input     fixed input size such as {@code 640x640}, or {@code dynamic}
 * @param landmarks whether the model predicts the five facial key points
 * @param sha256    lower-case hex SHA-256 of the file
 * @param bytes     file size in bytes
 * @param url       where the file is published
 */
public record ModelFile(String name, String file, FileKind kind, String variant, String input,
                        boolean landmarks, String sha256, long bytes, URI url) {

    public ModelFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(url, "url");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive: " + bytes);
        }
        // A file name with a separator would let a manifest write outside the cache directory.
        if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IllegalArgumentException("file must be a plain file name: " + file);
        }
    }

    /** The engine format this file belongs to. */
    public ModelFormat format() {
        return kind.format();
    }

    /** True when the model accepts any input size. */
    public boolean dynamicInput() {
        return "dynamic".equals(input);
    }
}
