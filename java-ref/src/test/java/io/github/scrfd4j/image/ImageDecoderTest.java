package io.github.scrfd4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.testsupport.OpenCv;
import io.github.scrfd4j.testsupport.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
    /** Sums of all BGR bytes after {@code cv::imread}, as published in the project's issue tracker. */
    private static final Map<String, Long> CV_IMREAD_SUMS = Map.of("1.jpg", 307115023L, "4.jpg", 470873487L,
            "6.jpg", 43228031L, "9.jpg", 115818931L, "12.jpg", 305624831L);

    @TempDir
    Path tmp;

    @Test
    void photosMatchPublishedImreadSums() {
        for (Map.Entry<String, Long> e : CV_IMREAD_SUMS.entrySet()) {
            BgrImage img = ImageDecoder.read(SharedData.requireImage(e.getKey()));
            assertEquals(e.getValue().longValue(), img.byteSum(), e.getKey());
        }
    }

    @Test
    void photosEqualOpenCvImreadPixelForPixel() {
        for (Path p : SharedData.requireAllImages()) {
            BgrImage expected = OpenCv.imread(p.toString());
            LinearResizeTest.assertSame(expected, ImageDecoder.read(p), p.getFileName().toString());
        }
    }

    @Test
    void imageIoReadDiffersOnTheIccPhotoAndWeDoNot() throws IOException {
        Path p = SharedData.requireImage("1.jpg");
        BgrImage viaImageIo = ImageDecoder.fromBufferedImage(ImageIO.read(p.toFile()));
        // the embedded ICC profile makes ImageIO.read colour-convert; cv::imread does not
        assertEquals(306807746L, viaImageIo.byteSum());
        assertEquals(307115023L, ImageDecoder.read(p).byteSum());
    }

    static BufferedImage pattern(int w, int h) {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, ((x * 9) & 255) << 16 | ((y * 11) & 255) << 8 | ((x * y) & 255));
            }
        }
        return bi;
    }

    static byte[] encode(BufferedImage bi, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(bi, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        return io.github.scrfd4j.conformance.GeneratedCases.withOrientation(jpeg, orientation, littleEndian);
    }

    @Test
    void exifOrientationIsAppliedLikeImread() throws IOException {
        byte[] base = encode(pattern(37, 23), "jpg");
        for (int o = 1; o <= 8; o++) {
            for (boolean le : new boolean[] {false, true}) {
                byte[] jpeg = withOrientation(base, o, le);
                assertEquals(o, ExifOrientation.fromJpeg(jpeg).tag());
                BgrImage expected = OpenCv.imdecode(jpeg);
                LinearResizeTest.assertSame(expected, ImageDecoder.decode(jpeg, "o" + o),
                        "orientation " + o + (le ? " (II)" : " (MM)"));
            }
        }
    }

    @Test
    void pngAndBmpEqualOpenCv() throws IOException {
        BufferedImage bi = pattern(31, 17);
        for (String fmt : new String[] {"png", "bmp"}) {
            byte[] bytes = encode(bi, fmt);
            LinearResizeTest.assertSame(OpenCv.imdecode(bytes), ImageDecoder.decode(bytes, fmt), fmt);
        }
    }

    @Test
    void greyJpegIsReplicatedLikeImread() throws IOException {
        BufferedImage grey = new BufferedImage(19, 13, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 13; y++) {
            for (int x = 0; x < 19; x++) {
                grey.getRaster().setSample(x, y, 0, (x * 13 + y * 7) & 255);
            }
        }
        for (String fmt : new String[] {"jpg", "png"}) {
            byte[] bytes = encode(grey, fmt);
            LinearResizeTest.assertSame(OpenCv.imdecode(bytes), ImageDecoder.decode(bytes, fmt), "grey " + fmt);
        }
    }

    @Test
    void truncatedJpegIsAnError() throws IOException {
        Path src = SharedData.requireImage("6.jpg");
        byte[] all = Files.readAllBytes(src);
        for (int keep : new int[] {all.length / 2, all.length - 100, 300, 20, 3}) {
            Path f = tmp.resolve("cut" + keep + ".jpg");
            Files.write(f, Arrays.copyOf(all, keep));
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.read(f));
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        }
    }

    @Test
    void truncatedPngIsAnError() throws IOException {
        byte[] png = encode(pattern(64, 64), "png");
        Path f = tmp.resolve("cut.png");
        Files.write(f, Arrays.copyOf(png, png.length / 2));
        assertThrows(ImageDecodeException.class, () -> ImageDecoder.read(f));
    }

    @Test
    void missingEmptyAndNonImageFilesAreClearErrors() throws IOException {
        ImageDecodeException missing = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.read(tmp.resolve("nope.jpg")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        Path empty = Files.write(tmp.resolve("empty.jpg"), new byte[0]);
        assertTrue(assertThrows(ImageDecodeException.class, () -> ImageDecoder.read(empty)).getMessage()
                .contains("empty"));
        Path text = Files.writeString(tmp.resolve("notes.jpg"), "this is not an image\n");
        assertTrue(assertThrows(ImageDecodeException.class, () -> ImageDecoder.read(text)).getMessage()
                .contains("unsupported"));
    }

    @Test
    void bufferedImagesOfAnyTypeConvert() {
        BufferedImage bgr = pattern(23, 11);
        BgrImage ref = ImageDecoder.fromBufferedImage(bgr);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage other = new BufferedImage(23, 11, type);
            other.getGraphics().drawImage(bgr, 0, 0, null);
            LinearResizeTest.assertSame(ref, ImageDecoder.fromBufferedImage(other), "type " + type);
        }
        // a sub-image shares the parent raster with a translated origin
        BgrImage sub = ImageDecoder.fromBufferedImage(bgr.getSubimage(3, 2, 10, 5));
        assertEquals(ref.get(3, 2, 0), sub.get(0, 0, 0));
        assertEquals(ref.get(12, 6, 2), sub.get(9, 4, 2));
    }

    @Test
    void rawBuffersWrapWithoutCopyAndRgbIsSwapped() {
        byte[] bgr = new byte[4 * 3 * 2 + 8];
        bgr[3 * 1 + 2] = 9;
        BgrImage wrapped = BgrImage.wrap(bgr, 4, 2, 4 * 3 + 4);
        assertEquals(9, wrapped.get(1, 0, 2));
        bgr[0] = 5;
        assertEquals(5, wrapped.get(0, 0, 0), "wrap must not copy");
        byte[] rgb = {1, 2, 3, 4, 5, 6};
        BgrImage swapped = BgrImage.fromRgb(rgb, 2, 1, 6);
        assertEquals(3, swapped.get(0, 0, 0));
        assertEquals(1, swapped.get(0, 0, 2));
        assertEquals(1, rgb[0], "caller's buffer untouched");
        assertThrows(IllegalArgumentException.class, () -> BgrImage.wrap(new byte[10], 2, 2, 6));
        assertThrows(IllegalArgumentException.class, () -> BgrImage.wrap(new byte[10], 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BgrImage.allocate(100_000, 1));
    }

    @Test
    void hugeDeclaredSizesAreRefusedBeforeDecoding() throws IOException {
        // a valid 1x1 PNG whose header is rewritten to claim 40000x40000 pixels
        byte[] png = encode(pattern(1, 1), "png");
        byte[] huge = png.clone();
        int w = 40000;
        for (int k = 0; k < 2; k++) { // IHDR width at 16, height at 20
            int at = 16 + 4 * k;
            huge[at] = (byte) (w >>> 24);
            huge[at + 1] = (byte) (w >>> 16);
            huge[at + 2] = (byte) (w >>> 8);
            huge[at + 3] = (byte) w;
        }
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(huge, "huge.png"));
        assertTrue(e.getMessage().contains("40000x40000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BgrImage.allocate(30000, 30000));
    }

    /** A PNG of a few dozen bytes whose IHDR declares {@code w x h}: a decompression bomb's header. */
    static byte[] pngHeader(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        out.write(new byte[] {0, 0, 0, 13});
        out.write(ihdr.array());
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82});
        return out.toByteArray();
    }

    @Test
    void aHeaderDeclaringTooManyPixelsIsRefusedBeforeDecoding() throws IOException {
        byte[] bomb = pngHeader(25000, 25000);
        long t0 = System.nanoTime();
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(bomb, "bomb.png"));
        double ms = (System.nanoTime() - t0) / 1e6;
        assertTrue(e.getMessage().contains("declares 25000x25000 = 625000000 pixels, over the limit of 89478485"),
                e.getMessage());
        assertTrue(ms < 2000, "refusing took " + ms + " ms");
        byte[] small = encode(pattern(29, 31), "png");
        ImageDecodeException x = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(small, "s.png", 898));
        assertTrue(x.getMessage().contains("29x31 = 899 pixels, over the limit of 898"), x.getMessage());
        assertEquals(29, ImageDecoder.decode(small, "s.png", 899).width());
        assertThrows(IllegalArgumentException.class, () -> ImageDecoder.decode(small, "s.png", 0));
    }
}
