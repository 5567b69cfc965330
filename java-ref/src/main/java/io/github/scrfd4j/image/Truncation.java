package io.github.scrfd4j.image;

/**
 * The end markers whose absence means a file was cut short. Checked by every {@link PhotoDecoder}
 * before decoding: libjpeg only warns about a premature end and fills the rest with grey, and
 * {@code javax.imageio} decodes a PNG that lost its last chunks.
 */
public final class Truncation {
    private Truncation() {
    }

    /**
     * Throws when a JPEG has no end-of-image marker after its scan data or a PNG's chunks do not
     * reach IEND.
     *
     * @throws ImageDecodeException naming the file
     */
    public static void requireComplete(ImageHeader header, byte[] encoded, String name) {
        if ("jpeg".equals(header.format()) && !jpegHasEnd(encoded)) {
            throw new ImageDecodeException("truncated image " + name + ": no end-of-image marker after the scan"
                    + " data (Premature end of JPEG file)");
        }
        if ("png".equals(header.format()) && !pngHasEnd(encoded)) {
            throw new ImageDecodeException("truncated image " + name + ": the PNG's chunks stop before IEND");
        }
    }

    /**
     * Whether an EOI marker (FF D9) follows the first start-of-scan: a JPEG cut anywhere in its
     * entropy-coded data has none (an EXIF thumbnail's EOI comes before the main image's scan).
     */
    static boolean jpegHasEnd(byte[] b) {
        int sos = -1;
        for (int i = 2; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xDA) {
                sos = i;
                break;
            }
        }
        if (sos < 0) {
            return false;
        }
        for (int i = b.length - 2; i > sos; i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** Whether the PNG's chunk list reaches IEND. */
    static boolean pngHasEnd(byte[] b) {
        long i = 8;
        while (i + 12 <= b.length) {
            int at = (int) i;
            long len = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            if (b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D') {
                return true;
            }
            i += 12 + len;
        }
        return false;
    }
}
