package io.github.scrfd4j.image.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.PhotoDecoders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both decoders against {@code cv::imread} of the same file (OpenCV's file path, a different entry
 * point from the {@code imdecode} our OpenCV decoder calls): the shared photos and every generated
 * JPEG variant. Both must be exact everywhere (4:4:0 included: libjpeg-turbo as OpenCV 4.13 builds it
 * and the JDK's libjpeg 6b both replicate rows there; measured equal, also with opencv-python 5.0).
 */
class DecoderPixelEqualityTest {
    private static final PhotoDecoder JAVA = PhotoDecoder.java();
    private static final PhotoDecoder OPENCV = PhotoDecoders.named("opencv");

    @TempDir
    static Path dir;

    static Stream<JpegVariants.Variant> variants() {
        return JpegVariants.all().stream();
    }

    static List<Path> photos() throws IOException {
        Path images = Paths.get(System.getProperty("scrfd.shared", "../../../shared"), "testdata/images");
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(images)) {
            try (Stream<Path> s = Files.list(images)) {
                s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void autoPicksOpenCvWhenItIsOnTheClassPath() {
        assertEquals("opencv", PhotoDecoders.best().name());
    }

    @Test
    void sharedPhotosIdenticalToImread() throws IOException {
        List<Path> photos = photos();
        Assumptions.assumeFalse(photos.isEmpty(), "skipped: ../shared/testdata/images not found (-Dscrfd.shared=DIR)");
        for (Path p : photos) {
            byte[] bytes = Files.readAllBytes(p);
            BgrImage ref = imread(p);
            assertSame(ref, OPENCV.decode(bytes, p.toString(), Long.MAX_VALUE), "opencv " + p);
            assertSame(ref, JAVA.decode(bytes, p.toString(), Long.MAX_VALUE), "java " + p);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void variantIdenticalToImread(JpegVariants.Variant v) throws IOException {
        Path file = dir.resolve(v.name() + ".jpg");
        Files.write(file, v.jpeg());
        BgrImage ref = imread(file);
        assertSame(ref, OPENCV.decode(v.jpeg(), v.name(), Long.MAX_VALUE), "opencv " + v.name());
        assertSame(ref, JAVA.decode(v.jpeg(), v.name(), Long.MAX_VALUE), "java " + v.name());
    }

    static BgrImage imread(Path file) {
        try (Mat m = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
            assertFalse(m.empty(), "imread could not read " + file);
            BgrImage img = BgrImage.allocate(m.cols(), m.rows());
            m.data().get(img.data(), 0, img.data().length);
            return img;
        }
    }

    static void assertSame(BgrImage expected, BgrImage actual, String what) {
        assertEquals(expected.width(), actual.width(), what + " width");
        assertEquals(expected.height(), actual.height(), what + " height");
        int[] diff = difference(expected, actual);
        assertEquals(0, diff[0], what + ": " + diff[0] + " bytes differ (max " + diff[1] + ")");
        assertArrayEquals(expected.toPackedBgr(), actual.toPackedBgr(), what);
    }

    static int[] difference(BgrImage a, BgrImage b) {
        byte[] x = a.toPackedBgr();
        byte[] y = b.toPackedBgr();
        int n = 0;
        int max = 0;
        for (int i = 0; i < x.length; i++) {
            int d = Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
            if (d != 0) {
                n++;
                max = Math.max(max, d);
            }
        }
        return new int[] {n, max};
    }
}
