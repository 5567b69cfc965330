package io.github.scrfd4j.image;

/**
 * What libjpeg reads from a JPEG's markers before the first scan and what decoding needs: the frame
 * size, the components and their sampling factors, and the colour-space hints (JFIF, Adobe
 * transform, component ids). Parsed from the bytes, because asking {@code javax.imageio} for its
 * metadata tree cost more than decoding a small photo.
 *
 * @param width       the frame's width
 * @param height      the frame's height
 * @param progressive whether the frame is progressive (SOF2) rather than sequential
 * @param ids         component ids, in frame order
 * @param hSampling   horizontal sampling factor per component
 * @param vSampling   vertical sampling factor per component
 * @param jfif        whether an APP0 JFIF marker is present
 * @param adobeTransform the APP14 Adobe transform (0 none, 1 YCbCr, 2 YCCK), or -1 when absent
 */
public record JpegHeader(int width, int height, boolean progressive, int[] ids, int[] hSampling, int[] vSampling,
                         boolean jfif, int adobeTransform) {

    /** Number of colour components (1 grey, 3 colour, 4 CMYK/YCCK). */
    public int components() {
        return ids.length;
    }

    /**
     * libjpeg's guess of a 3-component file's colour space ({@code jdapimin.c},
     * {@code default_decompress_parms}): JFIF means YCbCr, Adobe transform 0 means RGB, component ids
     * 'R','G','B' mean RGB, anything else YCbCr.
     */
    public boolean isYCbCr() {
        if (jfif) {
            return true;
        }
        if (adobeTransform >= 0) {
            return adobeTransform != 0;
        }
        return !(ids.length == 3 && ids[0] == 'R' && ids[1] == 'G' && ids[2] == 'B');
    }

    /** Parses the markers of {@code jpeg} up to the first scan; null when there is no frame header. */
    public static JpegHeader parse(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return null;
        }
        boolean jfif = false;
        int adobe = -1;
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null; // a scan before any frame header
            }
            int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            int body = i + 4;
            int end = i + 2 + len;
            if (len < 2 || end > jpeg.length) {
                return null;
            }
            if (marker == 0xE0 && len >= 7 && jpeg[body] == 'J' && jpeg[body + 1] == 'F' && jpeg[body + 2] == 'I'
                    && jpeg[body + 3] == 'F' && jpeg[body + 4] == 0) {
                jfif = true;
            } else if (marker == 0xEE && len >= 14 && jpeg[body] == 'A' && jpeg[body + 1] == 'd'
                    && jpeg[body + 2] == 'o' && jpeg[body + 3] == 'b' && jpeg[body + 4] == 'e') {
                adobe = jpeg[body + 11] & 0xFF;
            } else if (isFrame(marker)) {
                if (len < 8) {
                    return null;
                }
                int h = ((jpeg[body + 1] & 0xFF) << 8) | (jpeg[body + 2] & 0xFF);
                int w = ((jpeg[body + 3] & 0xFF) << 8) | (jpeg[body + 4] & 0xFF);
                int n = jpeg[body + 5] & 0xFF;
                if (n == 0 || len < 8 + 3 * n) {
                    return null;
                }
                int[] ids = new int[n];
                int[] hs = new int[n];
                int[] vs = new int[n];
                for (int c = 0; c < n; c++) {
                    int p = body + 6 + 3 * c;
                    ids[c] = jpeg[p] & 0xFF;
                    hs[c] = (jpeg[p + 1] & 0xFF) >> 4;
                    vs[c] = jpeg[p + 1] & 0x0F;
                }
                return new JpegHeader(w, h, marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE,
                        ids, hs, vs, jfif, adobe);
            }
            i = end;
        }
        return null;
    }

    private static boolean isFrame(int marker) {
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
