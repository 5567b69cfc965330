package io.github.scrfd4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.scrfd4j.testsupport.OpenCv;
import io.github.scrfd4j.testsupport.SharedData;
import io.github.scrfd4j.vector.Kernels;
import io.github.scrfd4j.vector.KernelsProvider;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Blob} against {@code cv::dnn::blobFromImage}, with whichever kernels this JVM selected. */
class BlobTest {
    private final Kernels kernels = KernelsProvider.get();
    private final Blob blob = new Blob(kernels);

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= 1e-6f)) {
                assertEquals(expected[i], actual[i], 1e-6f, what + " at " + i);
            }
        }
    }

    @Test
    void equalsBlobFromImageOnRandomImages() {
        Random rnd = new Random(7);
        for (int k = 0; k < 200; k++) {
            int w = 1 + rnd.nextInt(k < 20 ? 5 : 300);
            int h = 1 + rnd.nextInt(k < 20 ? 5 : 200);
            BgrImage img = LinearResizeTest.random(rnd, w, h);
            boolean swap = k % 3 != 0;
            float[] expected = OpenCv.blobFromImage(img, 1f / 128f, 127.5f, swap);
            float[] actual = new float[Blob.size(img)];
            blob.write(img, new BlobOptions(127.5f, 1f / 128f, swap), actual, 0);
            assertClose(expected, actual, kernels.name() + " " + w + "x" + h + " swapRB=" + swap);
        }
    }

    @Test
    void equalsBlobFromImageOnEveryLetterboxedPhoto() {
        Letterbox lb = new Letterbox();
        for (Path p : SharedData.requireAllImages()) {
            BgrImage canvas = BgrImage.allocate(640, 640);
            lb.apply(ImageDecoder.read(p), LetterboxStyle.CENTERED, canvas);
            float[] expected = OpenCv.blobFromImage(canvas, 1f / 128f, 127.5f, true);
            float[] actual = new float[Blob.size(canvas)];
            blob.write(canvas, BlobOptions.SCRFD, actual, 0);
            assertClose(expected, actual, p.getFileName().toString());
        }
    }

    @Test
    void writesDirectBuffersAndStridedViews() {
        Random rnd = new Random(11);
        BgrImage big = LinearResizeTest.random(rnd, 40, 30);
        BgrImage view = BgrImage.wrap(big.data(), big.rowStart(5) + 3 * 7, 20, 10, big.stride());
        BgrImage packed = BgrImage.wrap(view.toPackedBgr(), 20, 10, 60);
        float[] expected = OpenCv.blobFromImage(packed, 1f / 128f, 127.5f, true);
        FloatBuffer direct = ByteBuffer.allocateDirect(4 * 600).order(ByteOrder.nativeOrder()).asFloatBuffer();
        blob.write(view, BlobOptions.SCRFD, direct, new float[600]);
        float[] actual = new float[600];
        direct.get(actual);
        assertClose(expected, actual, "direct buffer from strided view");
    }

    @Test
    void rejectsTooSmallDestinations() {
        BgrImage img = BgrImage.allocate(4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blob.write(img, BlobOptions.SCRFD, new float[47], 0));
        assertEquals(true, e.getMessage().contains("too small"), e.getMessage());
    }
}
