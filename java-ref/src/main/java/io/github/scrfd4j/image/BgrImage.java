package io.github.scrfd4j.image;

import java.util.Objects;

/**
 * An 8-bit, 3-channel, interleaved (HWC) image in BGR order, the layout {@code cv::imread} produces.
 *
 * <p>Pixel {@code (x, y)} channel {@code c} (0 = B, 1 = G, 2 = R) is at
 * {@code data[offset + y * stride + x * 3 + c]}. Instances made by {@link #wrap} share the caller's
 * array: nothing is copied, and writes by either side are visible to the other.
 */
public final class BgrImage {
    /** Largest accepted side. */
    public static final int MAX_SIDE = 32_768;
    /** Largest pixel buffer (a Java array's limit, less headroom). */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private final int width;
    private final int height;
    private final int stride;
    private final int offset;
    private final byte[] data;

    private BgrImage(byte[] data, int offset, int width, int height, int stride) {
        this.data = Objects.requireNonNull(data, "data");
        checkSize(width, height);
        if (stride < width * 3) {
            throw new IllegalArgumentException("stride " + stride + " is smaller than width * 3 = " + width * 3);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        long needed = (long) offset + (long) stride * (height - 1) + width * 3L;
        if (needed > data.length) {
            throw new IllegalArgumentException("buffer of " + data.length + " bytes is too small for a " + width + "x"
                    + height + " BGR image with stride " + stride + " at offset " + offset + " (needs " + needed + ")");
        }
        this.width = width;
        this.height = height;
        this.stride = stride;
        this.offset = offset;
    }

    static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("image " + width + "x" + height + " exceeds the maximum side " + MAX_SIDE);
        }
        if ((long) width * height * 3 > MAX_BYTES) {
            throw new IllegalArgumentException("image " + width + "x" + height + " is too large: " + (long) width * height * 3
                    + " bytes of BGR exceed the " + MAX_BYTES + " a Java array can hold");
        }
    }

    /** A new black image with a tight stride. */
    public static BgrImage allocate(int width, int height) {
        checkSize(width, height);
        return new BgrImage(new byte[width * height * 3], 0, width, height, width * 3);
    }

    /** Wraps a caller's BGR buffer without copying. */
    public static BgrImage wrap(byte[] bgr, int width, int height, int stride) {
        return new BgrImage(bgr, 0, width, height, stride);
    }

    /** Wraps a caller's BGR buffer that starts at {@code offset}, without copying. */
    public static BgrImage wrap(byte[] bgr, int offset, int width, int height, int stride) {
        return new BgrImage(bgr, offset, width, height, stride);
    }

    /** Copies a caller's RGB buffer into a new BGR image (the caller's array is left untouched). */
    public static BgrImage fromRgb(byte[] rgb, int width, int height, int stride) {
        BgrImage view = new BgrImage(rgb, 0, width, height, stride); // validates the bounds
        BgrImage out = allocate(width, height);
        for (int y = 0; y < height; y++) {
            int s = view.rowStart(y);
            int d = out.rowStart(y);
            for (int x = 0; x < width; x++, s += 3, d += 3) {
                out.data[d] = rgb[s + 2];
                out.data[d + 1] = rgb[s + 1];
                out.data[d + 2] = rgb[s];
            }
        }
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes from the start of one row to the start of the next. */
    public int stride() {
        return stride;
    }

    /** Index of pixel (0, 0) in {@link #data()}. */
    public int offset() {
        return offset;
    }

    /** The backing array, shared, not copied. */
    public byte[] data() {
        return data;
    }

    /** Index in {@link #data()} of the first byte of row {@code y}. */
    public int rowStart(int y) {
        return offset + y * stride;
    }

    /** Channel {@code c} (0 = B, 1 = G, 2 = R) of pixel (x, y), 0..255. */
    public int get(int x, int y, int c) {
        return data[offset + y * stride + x * 3 + c] & 0xFF;
    }

    /** A tightly packed copy ({@code stride == width * 3}). */
    public byte[] toPackedBgr() {
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            System.arraycopy(data, rowStart(y), out, y * width * 3, width * 3);
        }
        return out;
    }

    /** Sum of all channel values, the checksum used to compare decoders. */
    public long byteSum() {
        long sum = 0;
        for (int y = 0; y < height; y++) {
            int p = rowStart(y);
            for (int i = 0; i < width * 3; i++) {
                sum += data[p + i] & 0xFF;
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return "BgrImage[" + width + "x" + height + ", stride " + stride + "]";
    }
}
