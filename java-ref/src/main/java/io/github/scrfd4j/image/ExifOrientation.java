package io.github.scrfd4j.image;

/**
 * EXIF orientation (tag 0x0112), applied the way {@code cv::imread} does unless
 * {@code IMREAD_IGNORE_ORIENTATION} is given: an optional transpose followed by an optional flip.
 */
public enum ExifOrientation {
    TOP_LEFT(1, false, false, false),
    TOP_RIGHT(2, false, true, false),
    BOTTOM_RIGHT(3, false, true, true),
    BOTTOM_LEFT(4, false, false, true),
    LEFT_TOP(5, true, false, false),
    RIGHT_TOP(6, true, true, false),
    RIGHT_BOTTOM(7, true, true, true),
    LEFT_BOTTOM(8, true, false, true);

    private final int tag;
    private final boolean transpose;
    private final boolean flipX;
    private final boolean flipY;

    ExifOrientation(int tag, boolean transpose, boolean flipX, boolean flipY) {
        this.tag = tag;
        this.transpose = transpose;
        this.flipX = flipX;
        this.flipY = flipY;
    }

    /** Whether width and height swap (orientations 5 to 8). */
    public boolean transposes() {
        return transpose;
    }

    /** The EXIF value 1..8. */
    public int tag() {
        return tag;
    }

    /** The orientation for an EXIF value; values outside 1..8 mean "as stored", as in OpenCV. */
    public static ExifOrientation ofTag(int tag) {
        for (ExifOrientation o : values()) {
            if (o.tag == tag) {
                return o;
            }
        }
        return TOP_LEFT;
    }

    /** Returns the image as it should be displayed; {@code src} itself when nothing is to be done. */
    public BgrImage apply(BgrImage src) {
        if (this == TOP_LEFT) {
            return src;
        }
        int outW = transpose ? src.height() : src.width();
        int outH = transpose ? src.width() : src.height();
        BgrImage out = BgrImage.allocate(outW, outH);
        byte[] s = src.data();
        byte[] d = out.data();
        for (int y = 0; y < outH; y++) {
            int ty = flipY ? outH - 1 - y : y;
            int dp = out.rowStart(y);
            for (int x = 0; x < outW; x++, dp += 3) {
                int tx = flipX ? outW - 1 - x : x;
                int sx = transpose ? ty : tx;
                int sy = transpose ? tx : ty;
                int sp = src.rowStart(sy) + sx * 3;
                d[dp] = s[sp];
                d[dp + 1] = s[sp + 1];
                d[dp + 2] = s[sp + 2];
            }
        }
        return out;
    }

    /**
     * Reads the orientation from a JPEG file's first EXIF (APP1) segment; {@link #TOP_LEFT} when
     * there is none or it cannot be parsed (a broken EXIF block must not make a photo unreadable).
     */
    public static ExifOrientation fromJpeg(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break; // image data starts: no EXIF after this in practice
            }
            int len = u16(jpeg, i + 2, false);
            if (len < 2 || i + 2 + len > jpeg.length) {
                break;
            }
            if (marker == 0xE1 && len >= 8 && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x' && jpeg[i + 6] == 'i'
                    && jpeg[i + 7] == 'f' && jpeg[i + 8] == 0 && jpeg[i + 9] == 0) {
                return ofTag(parseTiffOrientation(jpeg, i + 10, i + 2 + len));
            }
            i += 2 + len;
        }
        return TOP_LEFT;
    }

    private static int parseTiffOrientation(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            little = true;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = u32(b, start + 4, little);
        long entriesAt = start + ifd;
        if (ifd < 8 || entriesAt + 2 > end) {
            return 1;
        }
        int count = u16(b, (int) entriesAt, little);
        for (int k = 0; k < count; k++) {
            int e = (int) entriesAt + 2 + 12 * k;
            if (e + 12 > end) {
                return 1;
            }
            if (u16(b, e, little) == 0x0112) {
                return u16(b, e + 8, little);
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int i, boolean little) {
        int b0 = b[i] & 0xFF;
        int b1 = b[i + 1] & 0xFF;
        return little ? b0 | (b1 << 8) : (b0 << 8) | b1;
    }

    private static long u32(byte[] b, int i, boolean little) {
        long v = 0;
        for (int k = 0; k < 4; k++) {
            int sh = little ? 8 * k : 8 * (3 - k);
            v |= (long) (b[i + k] & 0xFF) << sh;
        }
        return v;
    }
}
