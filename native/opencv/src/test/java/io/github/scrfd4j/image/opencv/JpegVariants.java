package io.github.scrfd4j.image.opencv;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * JPEG files made here, one per feature a decoder must get right: baseline and progressive; 4:4:4,
 * 4:2:2, 4:2:0, 4:4:0 and 4:1:1 chroma; grey; restart markers; each EXIF orientation 1-8; an embedded
 * ICC profile (linear RGB, which {@code ImageIO.read} would apply and libjpeg ignores). Encoded by
 * OpenCV's libjpeg-turbo from a synthetic picture of odd size (partial MCUs on both edges).
 */
final class JpegVariants {
    record Variant(String name, byte[] jpeg) {
    }

    private JpegVariants() {
    }

    static List<Variant> all() {
        Mat colour = picture(257, 193);
        Mat grey = new Mat();
        opencv_imgproc.cvtColor(colour, grey, opencv_imgproc.COLOR_BGR2GRAY);
        List<Variant> out = new ArrayList<>();
        String[] sub = {"444", "422", "420", "440", "411"};
        int[] factor = {opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_444,
            opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_422, opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420,
            opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_440, opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_411};
        for (int i = 0; i < sub.length; i++) {
            out.add(new Variant("baseline-" + sub[i], encode(colour,
                    opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, factor[i])));
            out.add(new Variant("progressive-" + sub[i], encode(colour,
                    opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, factor[i], opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1)));
        }
        out.add(new Variant("grey-baseline", encode(grey)));
        out.add(new Variant("grey-progressive", encode(grey, opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1)));
        out.add(new Variant("restart-420", encode(colour, opencv_imgcodecs.IMWRITE_JPEG_RST_INTERVAL, 3)));
        out.add(new Variant("restart-progressive", encode(colour, opencv_imgcodecs.IMWRITE_JPEG_RST_INTERVAL, 2,
                opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1)));
        out.add(new Variant("quality-100-444", encode(colour, opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 100,
                opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_444)));
        out.add(new Variant("quality-20", encode(colour, opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 20)));
        byte[] base = encode(colour);
        for (int o = 1; o <= 8; o++) {
            out.add(new Variant("exif-orientation-" + o, withSegment(base, exif(o))));
        }
        out.add(new Variant("exif-orientation-6-progressive-440", withSegment(encode(colour,
                opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_440,
                opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1), exif(6))));
        out.add(new Variant("icc-linear-rgb", withSegment(base, icc(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)
                .getData()))));
        return out;
    }

    /** Gradients, saturated blocks (clamping), fine stripes (chroma edges) and noise. */
    static Mat picture(int w, int h) {
        byte[] px = new byte[w * h * 3];
        Random rnd = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = 3 * (y * w + x);
                int b = x * 255 / w;
                int g = y * 255 / h;
                int r = ((x / 7 + y / 5) % 2) * 200 + 30;
                if (x > w / 2 && y < h / 3) {
                    b = 255;
                    g = 0;
                    r = ((x / 16) % 2) * 255;
                }
                int n = rnd.nextInt(31) - 15;
                px[p] = (byte) Math.min(255, Math.max(0, b + n));
                px[p + 1] = (byte) Math.min(255, Math.max(0, g + n));
                px[p + 2] = (byte) Math.min(255, Math.max(0, r - n));
            }
        }
        Mat m = new Mat(h, w, opencv_core.CV_8UC3);
        m.data().put(px);
        return m;
    }

    static byte[] encode(Mat img, int... params) {
        try (BytePointer buf = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".jpg", img, buf, new IntPointer(params))) {
                throw new IllegalStateException("imencode failed");
            }
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        }
    }

    /** Inserts a marker segment right after SOI. */
    static byte[] withSegment(byte[] jpeg, byte[] segment) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(jpeg, 0, 2);
        o.write(segment, 0, segment.length);
        o.write(jpeg, 2, jpeg.length - 2);
        return o.toByteArray();
    }

    /** An APP1 Exif segment, big-endian TIFF, with one IFD0 entry: Orientation (SHORT). */
    static byte[] exif(int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0};
        return segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
    }

    /** An APP2 ICC_PROFILE segment holding the whole profile (chunk 1 of 1). */
    static byte[] icc(byte[] profile) {
        return segment(0xE2, concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1},
                profile));
    }

    private static byte[] segment(int marker, byte[] body) {
        int len = body.length + 2;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("segment too long: " + len);
        }
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (len >> 8), (byte) len}, body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.write(p, 0, p.length);
        }
        return o.toByteArray();
    }
}
