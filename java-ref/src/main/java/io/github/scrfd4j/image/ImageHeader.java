package io.github.scrfd4j.image;

/**
 * The format and declared size of an encoded image, read from its first bytes without decoding:
 * enough to refuse an unsupported format or an image over the pixel budget before any decoder
 * allocates for it.
 *
 * @param format "jpeg", "png" or "bmp"
 * @param width  declared width
 * @param height declared height (absolute: BMP stores top-down images with a negative height)
 */
public record ImageHeader(String format, int width, int height) {

    /** Declared number of pixels. */
    public long pixels() {
        return (long) width * height;
    }

    /**
     * Reads the header of a JPEG, PNG or BMP file.
     *
     * @throws ImageDecodeException when the format is none of the three or the header is cut short
     */
    public static ImageHeader read(byte[] b, String name) {
        if (b.length == 0) {
            throw new ImageDecodeException("empty image file: " + name);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            JpegHeader j = JpegHeader.parse(b);
            if (j == null) {
                throw new ImageDecodeException("cannot decode image " + name
                        + ": JPEG without a readable frame header (truncated or corrupt?)");
            }
            return new ImageHeader("jpeg", j.width(), j.height());
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
                throw new ImageDecodeException("cannot decode image " + name + ": PNG without an IHDR chunk"
                        + " (truncated or corrupt?)");
            }
            return new ImageHeader("png", be32(b, 16), be32(b, 20));
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            if (b.length < 26) {
                throw new ImageDecodeException("cannot decode image " + name + ": BMP header cut short");
            }
            int dib = le32(b, 14);
            if (dib == 12) {
                return new ImageHeader("bmp", le16(b, 18), le16(b, 20));
            }
            int h = le32(b, 22);
            return new ImageHeader("bmp", le32(b, 18), h == Integer.MIN_VALUE ? h : Math.abs(h));
        }
        throw new ImageDecodeException("unsupported or unrecognised image format: " + name
                + " (supported: JPEG, PNG, BMP)");
    }

    /**
     * Checks the declared size against the pixel budget and {@link BgrImage}'s limits.
     *
     * @throws ImageDecodeException naming the size and the limit
     */
    public void checkWithin(long maxPixels, String name) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (width <= 0 || height <= 0) {
            throw new ImageDecodeException("cannot decode " + name + ": it declares a " + width + "x" + height
                    + " image");
        }
        if (pixels() > maxPixels) {
            throw new ImageDecodeException("cannot decode " + name + ": it declares " + width + "x" + height + " = "
                    + pixels() + " pixels, over the limit of " + maxPixels + " pixels (--max-pixels, or"
                    + " ImageDecoder.decode(bytes, name, maxPixels))");
        }
        try {
            BgrImage.checkSize(width, height);
        } catch (IllegalArgumentException e) {
            throw new ImageDecodeException("cannot decode " + name + ": " + e.getMessage(), e);
        }
    }

    private static int be32(byte[] b, int i) {
        return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    private static int le32(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16) | ((b[i + 3] & 0xFF) << 24);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }
}
