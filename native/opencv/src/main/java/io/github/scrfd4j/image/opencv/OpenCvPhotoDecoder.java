package io.github.scrfd4j.image.opencv;

import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecodeException;
import io.github.scrfd4j.image.ImageHeader;
import io.github.scrfd4j.image.JpegHeader;
import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.Truncation;
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
        try (BytePointer bytes = new BytePointer(encoded);
             Mat buffer = new Mat(1, encoded.length, opencv_core.CV_8UC1, bytes);
             Mat mat = opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_COLOR)) {
            if (mat.empty()) {
                throw new ImageDecodeException("cannot decode image " + name + " (truncated or corrupt?):"
                        + " OpenCV's imdecode returned no image");
            }
            if (mat.type() != opencv_core.CV_8UC3 || !mat.isContinuous()) {
                throw new ImageDecodeException("unexpected image from OpenCV for " + name + ": type " + mat.type());
            }
            BgrImage out = BgrImage.allocate(mat.cols(), mat.rows());
            mat.data().get(out.data(), 0, out.data().length);
            return out;
        }
    }
}
