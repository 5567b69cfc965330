package io.github.scrfd4j.image.opencv;

import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ExifOrientation;
import io.github.scrfd4j.image.ImageDecodeException;
import io.github.scrfd4j.image.ImageHeader;
import io.github.scrfd4j.image.JpegHeader;
import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.Truncation;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes with OpenCV's own {@code cv::imdecode(buf, IMREAD_COLOR)}: the pixels of {@code cv::imread}
 * by construction (libjpeg-turbo, EXIF orientation applied), and faster than {@code javax.imageio}'s
 * libjpeg 6b, which has no SIMD; it also reads arithmetic-coded JPEGs, which the JDK cannot.
 *
 * <p>Policy is the same as the pure-Java decoder's, checked in Java before OpenCV sees the bytes:
 * only JPEG, PNG and BMP; the pixel budget from the header; CMYK JPEGs refused; a truncated file is an
 * error (libjpeg only warns and fills the rest with grey, which {@code imdecode} returns as an image).
 */
final class OpenCvPhotoDecoder implements PhotoDecoder {
    private static final int MAX_SCRATCHES = 8;
    private static final long KEEP_PIXELS = 16_000_000L;
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();

    @Override
    public String name() {
        return "opencv";
    }

    @Override
    public String description() {
        return "OpenCV " + opencv_core.CV_VERSION() + " imdecode";
    }

    @Override
    public BgrImage decode(byte[] encoded, String name, long maxPixels) {
        return decode(encoded, name, maxPixels, null);
    }

    @Override
    public BgrImage decode(byte[] encoded, String name, long maxPixels, byte[] recycled) {
        ImageHeader header = ImageHeader.read(encoded, name);
        header.checkWithin(maxPixels, name);
        if ("jpeg".equals(header.format())) {
            JpegHeader jpeg = JpegHeader.parse(encoded);
            if (jpeg.components() != 1 && jpeg.components() != 3) {
                throw new ImageDecodeException("unsupported JPEG colour space in " + name + ": " + jpeg.components()
                        + " components (CMYK/YCCK JPEGs are not supported)");
            }
        }
        Truncation.requireComplete(header, encoded, name);
        Scratch scratch = scratches.poll();
        if (scratch == null) {
            scratch = new Scratch();
        }
        boolean keep = true;
        try {
            boolean turned = "jpeg".equals(header.format()) && ExifOrientation.fromJpeg(encoded).transposes();
            Mat mat = scratch.decode(encoded, turned ? header.height() : header.width(),
                    turned ? header.width() : header.height());
            if (mat.empty()) {
                throw new ImageDecodeException("cannot decode image " + name + " (truncated or corrupt?):"
                        + " OpenCV's imdecode returned no image");
            }
            if (mat.type() != opencv_core.CV_8UC3 || !mat.isContinuous()) {
                throw new ImageDecodeException("unexpected image from OpenCV for " + name + ": type " + mat.type());
            }
            int bytes = mat.cols() * mat.rows() * 3;
            BgrImage out = recycled != null && recycled.length >= bytes
                    ? BgrImage.wrap(recycled, mat.cols(), mat.rows(), mat.cols() * 3)
                    : BgrImage.allocate(mat.cols(), mat.rows());
            mat.data().get(out.data(), 0, bytes);
            keep = (long) mat.cols() * mat.rows() <= KEEP_PIXELS;
            return out;
        } finally {
            if (keep && scratches.size() < MAX_SCRATCHES) {
                scratches.offer(scratch);
            } else {
                scratch.close();
            }
        }
    }

    /**
     * Native buffers kept from one call to the next, as a C++ program keeps its {@code cv::Mat}s: a
     * fresh 12-megapixel output costs more in page faults (about 100 ms here) than decoding it (29 ms).
     * At most {@link #MAX_SCRATCHES} are kept (one per concurrent caller), none for images over
     * {@link #KEEP_PIXELS}; JavaCPP frees them when the decoder is collected.
     */
    private static final class Scratch implements AutoCloseable {
        private BytePointer input = new BytePointer(0L);
        private BytePointer pixels = new BytePointer(0L);
        private Mat output = new Mat();

        /**
         * Decodes into a buffer kept at the largest size seen: {@code imdecode} writes into a
         * destination of the right size and type in place, so a folder that mixes small photos and
         * 12-megapixel ones does not pay a fresh allocation (and its page faults) per large photo.
         */
        Mat decode(byte[] encoded, int width, int height) {
            if (input.capacity() < encoded.length) {
                input.close();
                input = new BytePointer(Math.max(encoded.length, 1 << 20));
            }
            input.position(0).put(encoded, 0, encoded.length);
            long need = (long) width * height * 3;
            if (pixels.capacity() < need) {
                pixels.close();
                pixels = new BytePointer(need);
            }
            output.close();
            output = new Mat(height, width, opencv_core.CV_8UC3, pixels);
            try (Mat buffer = new Mat(1, encoded.length, opencv_core.CV_8UC1, input)) {
                opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_COLOR, output);
            }
            return output;
        }

        @Override
        public void close() {
            output.close();
            pixels.close();
            input.close();
        }
    }
}
