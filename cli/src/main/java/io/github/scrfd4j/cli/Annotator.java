package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.Box;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.Landmarks;
import io.github.scrfd4j.image.BgrImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes annotated copies of the inputs, drawn like lite.ai.toolkit's
 * {@code draw_boxes_with_landmarks(mat, boxes, true)}: cyan box of thickness 2, green filled landmark
 * circles of radius 2, green {@code face:<score>} label above the box's top-left corner.
 */
final class Annotator {
    private static final Color BOX = new Color(0, 255, 255);   // cv::Scalar(255, 255, 0) in BGR
    private static final Color MARK = new Color(0, 255, 0);    // cv::Scalar(0, 255, 0)
    private static final int TEXT_HEIGHT = 13;                 // FONT_HERSHEY_SIMPLEX at scale 0.6
    private static final float JPEG_QUALITY = 0.95f;           // cv::imwrite's default

    private final OutputNames names;

    Annotator(OutputNames names) {
        this.names = names;
    }

    /** Draws the faces on a copy of {@code image} and writes it as JPEG; returns the file written. */
    Path write(Path input, BgrImage image, List<Face> faces) throws IOException {
        Path target = names.next(input);
        writeJpeg(draw(image, faces), target);
        return target;
    }

    static BufferedImage draw(BgrImage image, List<Face> faces) {
        BufferedImage out = toBufferedImage(image);
        Graphics2D g = out.createGraphics();
        try {
            for (Face f : faces) {
                Box b = f.box();
                // lite.ai.toolkit's Boxf::rect() truncates to int; cv::rectangle includes both corners.
                int x1 = (int) b.x1();
                int y1 = (int) b.y1();
                int w = (int) b.x2() - x1;
                int h = (int) b.y2() - y1;
                g.setColor(BOX);
                g.setStroke(new BasicStroke(2));
                g.drawRect(x1, y1, Math.max(0, w - 1), Math.max(0, h - 1));
                g.setColor(MARK);
                g.setStroke(new BasicStroke(2));
                SegmentFont.draw(g, label(f.score()), x1, y1, TEXT_HEIGHT);
                Landmarks l = f.landmarks();
                if (l != null) {
                    for (int p = 0; p < Landmarks.POINTS; p++) {
                        g.fillOval(Math.round(l.x(p)) - 2, Math.round(l.y(p)) - 2, 5, 5);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code "face:" + std::to_string(score).substr(0, 4)}: truncated, not rounded. */
    static String label(float score) {
        String s = String.format(Locale.ROOT, "%.6f", score);
        return "face:" + s.substring(0, Math.min(4, s.length()));
    }

    private static BufferedImage toBufferedImage(BgrImage image) {
        int w = image.width();
        BufferedImage out = new BufferedImage(w, image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.data(), image.rowStart(y), dst, y * w * 3, w * 3);
        }
        return out;
    }

    private static void writeJpeg(BufferedImage image, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream os = Files.newOutputStream(target);
             ImageOutputStream ios = new MemoryCacheImageOutputStream(os)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
