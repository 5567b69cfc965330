package io.github.scrfd4j.testsupport;

import io.github.scrfd4j.image.BgrImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** OpenCV itself (JavaCPP's build), the independent oracle for image decoding, resize and blob. */
public final class OpenCv {
    private OpenCv() {
    }

    public static Mat toMat(BgrImage img) {
        Mat m = new Mat(img.height(), img.width(), opencv_core.CV_8UC3);
        m.data().put(img.toPackedBgr());
        return m;
    }

    public static BgrImage toImage(Mat m) {
        if (m.empty()) {
            throw new IllegalStateException("OpenCV returned an empty Mat");
        }
        Mat c = m.isContinuous() ? m : m.clone();
        byte[] b = new byte[c.rows() * c.cols() * 3];
        c.data().get(b);
        return BgrImage.wrap(b, c.cols(), c.rows(), c.cols() * 3);
    }

    /** {@code cv::imread(path)} (IMREAD_COLOR, EXIF orientation applied). */
    public static BgrImage imread(String path) {
        return toImage(opencv_imgcodecs.imread(path));
    }

    /** {@code cv::imdecode(bytes, IMREAD_COLOR)}. */
    public static BgrImage imdecode(byte[] bytes) {
        Mat buf = new Mat(1, bytes.length, opencv_core.CV_8UC1);
        buf.data().put(bytes);
        return toImage(opencv_imgcodecs.imdecode(buf, opencv_imgcodecs.IMREAD_COLOR));
    }

    /** {@code cv::resize(src, dst, Size(w, h), 0, 0, INTER_LINEAR)}. */
    public static BgrImage resize(BgrImage src, int w, int h) {
        Mat dst = new Mat();
        opencv_imgproc.resize(toMat(src), dst, new Size(w, h), 0, 0, opencv_imgproc.INTER_LINEAR);
        return toImage(dst);
    }

    /** {@code cv::dnn::blobFromImage(img, scale, size(img), (mean, mean, mean), swapRB, crop=false)}. */
    public static float[] blobFromImage(BgrImage img, float scale, float mean, boolean swapRB) {
        Mat blob = opencv_dnn.blobFromImage(toMat(img), scale, new Size(img.width(), img.height()),
                new Scalar(mean, mean, mean, 0), swapRB, false, opencv_core.CV_32F);
        float[] out = new float[3 * img.width() * img.height()];
        new FloatPointer(blob.data()).get(out);
        return out;
    }

    /** Whether OpenCV's build has the given CPU feature enabled at run time. */
    public static String buildInfoLine(String prefix) {
        BytePointer info = opencv_core.getBuildInformation();
        for (String line : info.getString().split("\n")) {
            if (line.trim().startsWith(prefix)) {
                return line.trim();
            }
        }
        return "";
    }
}
