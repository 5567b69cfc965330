package io.github.scrfd4j.image.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecodeException;
import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.PhotoDecoders;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Both decoders refuse the same inputs, with messages that name the problem. */
class DecoderPolicyTest {
    private static final List<PhotoDecoder> BOTH = List.of(PhotoDecoder.java(), PhotoDecoders.named("opencv"));
    private static final byte[] JPEG = JpegVariants.encode(JpegVariants.picture(64, 48));

    @Test
    void truncatedJpegIsAnErrorNotAGreyImage() {
        byte[] cut = Arrays.copyOf(JPEG, JPEG.length * 2 / 3);
        for (PhotoDecoder d : BOTH) {
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> d.decode(cut, "cut.jpg", 1 << 20),
                    d.name());
            assertTrue(e.getMessage().contains("cut.jpg"), e.getMessage());
        }
    }

    @Test
    void truncatedPngIsAnError() {
        byte[] png = encode(".png");
        byte[] cut = Arrays.copyOf(png, png.length - 20);
        for (PhotoDecoder d : BOTH) {
            assertThrows(ImageDecodeException.class, () -> d.decode(cut, "cut.png", 1 << 20), d.name());
        }
    }

    @Test
    void pngAndBmpDecodeTheSame() {
        for (String ext : List.of(".png", ".bmp")) {
            byte[] bytes = encode(ext);
            BgrImage a = BOTH.get(0).decode(bytes, "x" + ext, 1 << 20);
            BgrImage b = BOTH.get(1).decode(bytes, "x" + ext, 1 << 20);
            DecoderPixelEqualityTest.assertSame(a, b, ext);
        }
    }

    @Test
    void pixelBudgetIsCheckedBeforeDecoding() {
        for (PhotoDecoder d : BOTH) {
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> d.decode(JPEG, "big.jpg", 1000));
            assertTrue(e.getMessage().contains("64x48") && e.getMessage().contains("1000"), e.getMessage());
        }
    }

    @Test
    void otherFormatsAndEmptyFilesAreRefused() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (PhotoDecoder d : BOTH) {
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> d.decode(gif, "a.gif", 1 << 20));
            assertTrue(e.getMessage().contains("unsupported"), e.getMessage());
            assertThrows(ImageDecodeException.class, () -> d.decode(new byte[0], "empty.jpg", 1 << 20));
        }
    }

    @Test
    void cmykJpegIsRefused() {
        byte[] cmyk = withFourComponents(JPEG);
        for (PhotoDecoder d : BOTH) {
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> d.decode(cmyk, "cmyk.jpg", 1 << 20));
            assertTrue(e.getMessage().contains("4 components"), e.getMessage());
        }
    }

    @Test
    void corruptedScanDataNeverEscapesAsAnotherException() {
        Random rnd = new Random(7);
        for (int k = 0; k < 200; k++) {
            byte[] bad = JPEG.clone();
            for (int f = 0; f < 1 + rnd.nextInt(8); f++) {
                bad[2 + rnd.nextInt(bad.length - 2)] ^= (byte) (1 << rnd.nextInt(8));
            }
            for (PhotoDecoder d : BOTH) {
                try {
                    BgrImage img = d.decode(bad, "flipped-" + k, 1 << 20);
                    assertTrue(img.width() > 0 && img.height() > 0);
                } catch (ImageDecodeException expected) {
                    assertTrue(expected.getMessage().contains("flipped-" + k), expected.getMessage());
                }
            }
        }
    }

    /** The frame header rewritten to declare four components, as a CMYK file does (segment length fixed). */
    private static byte[] withFourComponents(byte[] jpeg) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
                int end = i + 2 + len;
                byte[] out = new byte[jpeg.length + 3];
                System.arraycopy(jpeg, 0, out, 0, end);
                out[end] = 4;
                out[end + 1] = 0x11;
                out[end + 2] = 0;
                System.arraycopy(jpeg, end, out, end + 3, jpeg.length - end);
                out[i + 2] = (byte) ((len + 3) >> 8);
                out[i + 3] = (byte) (len + 3);
                out[i + 9] = 4;
                return out;
            }
        }
        throw new IllegalStateException("no SOF0");
    }

    private static byte[] encode(String ext) {
        Mat m = JpegVariants.picture(31, 17);
        try (BytePointer buf = new BytePointer()) {
            opencv_imgcodecs.imencode(ext, m, buf);
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            assertEquals(out.length, buf.limit());
            return out;
        }
    }
}
