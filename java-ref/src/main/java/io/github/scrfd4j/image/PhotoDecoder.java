package io.github.scrfd4j.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes encoded photos (JPEG, PNG, BMP) into the BGR pixels {@code cv::imread} gives, EXIF
 * orientation applied. {@link #java()} is the pure-Java one; others (an OpenCV-backed one) are found
 * by {@link PhotoDecoders} through {@link java.util.ServiceLoader}. Implementations are thread-safe.
 */
public interface PhotoDecoder {
    /** Short name: {@code java}, {@code opencv}. */
    String name();

    /** Which library does the work, with its version where known, for reports. */
    String description();

    /**
     * Decodes {@code encoded}; {@code name} is only used in messages.
     *
     * @throws ImageDecodeException for an unsupported format, a corrupt or truncated file, or an image
     *                              declaring more than {@code maxPixels} pixels (refused before decoding)
     */
    BgrImage decode(byte[] encoded, String name, long maxPixels);

    /**
     * As {@link #decode(byte[], String, long)}, but the result may live in {@code recycled} (a pixel
     * array the caller no longer needs; its content is lost) when it is large enough: a batch keeps
     * one per worker instead of allocating 36 MB for every 12-megapixel photo. May be null.
     */
    default BgrImage decode(byte[] encoded, String name, long maxPixels, byte[] recycled) {
        return decode(encoded, name, maxPixels);
    }

    /** Reads and decodes a file. */
    default BgrImage read(Path file, long maxPixels) {
        return read(file, maxPixels, null);
    }

    /** Reads and decodes a file, possibly into {@code recycled} (see {@link #decode(byte[], String, long, byte[])}). */
    default BgrImage read(Path file, long maxPixels, byte[] recycled) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException("image file not found: " + file, e);
        } catch (IOException e) {
            throw new ImageDecodeException("cannot read image file " + file + ": " + e.getMessage(), e);
        }
        return decode(bytes, file.toString(), maxPixels, recycled);
    }

    /** The pure-Java decoder ({@link ImageDecoder}). */
    static PhotoDecoder java() {
        return JavaPhotoDecoder.INSTANCE;
    }
}
