package io.github.scrfd4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG, PNG and BMP files into {@link BgrImage}s with the pixels {@code cv::imread} gives.
 *
 * <p>JPEG: {@code javax.imageio}'s {@code read} converts images that embed an ICC profile from that
 * profile to sRGB; libjpeg-turbo (and so OpenCV) ignores the profile. That is why {@code 1.jpg}
 * (810x1080, with an APP2 ICC profile) summed to 306807746 through {@code ImageIO.read} against
 * 307115023 through {@code cv::imread}. We therefore read the raw decoded samples
 * ({@code readRaster}: inverse DCT and libjpeg's fancy upsampling, no colour conversion) and convert
 * YCbCr to BGR with libjpeg's own fixed-point tables ({@link YCbCrConverter}). Then the EXIF
 * orientation is applied as {@code cv::imread} does. Tested pixel for pixel against {@code cv::imread}
 * (OpenCV 4.13's libjpeg-turbo, in {@code scrfd4j-opencv}) on the shared photos and on generated
 * baseline and progressive files in 4:4:4, 4:2:2, 4:2:0, 4:4:0 and 4:1:1, grey, with restart markers,
 * each EXIF orientation and an ICC profile: all identical. Not supported: CMYK/YCCK, and
 * arithmetic-coded JPEGs (the JDK's libjpeg 6b has no arithmetic decoder; {@code scrfd4j-opencv} has).
 *
 * <p>Truncated or corrupt files are errors, not half-grey images: a libjpeg "premature end" warning
 * becomes an {@link ImageDecodeException}.
 */
public final class ImageDecoder {
    /**
     * The default pixel budget: Pillow's {@code MAX_IMAGE_PIXELS} (89,478,485, about 89 megapixels).
     * An image whose header declares more is refused before anything is allocated for it: a 69-byte
     * PNG can declare 25000x25000.
     */
    public static final long DEFAULT_MAX_PIXELS = 89_478_485L;

    private ImageDecoder() {
    }

    /** Reads a JPEG, PNG or BMP file, within {@link #DEFAULT_MAX_PIXELS}. */
    public static BgrImage read(Path file) {
        return read(file, DEFAULT_MAX_PIXELS);
    }

    /** Reads a JPEG, PNG or BMP file; an image declaring more than {@code maxPixels} pixels is refused. */
    public static BgrImage read(Path file, long maxPixels) {
        return PhotoDecoder.java().read(file, maxPixels);
    }

    /** Decodes an encoded image held in memory, within {@link #DEFAULT_MAX_PIXELS}; {@code name} is for messages. */
    public static BgrImage decode(byte[] encoded, String name) {
        return decode(encoded, name, DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes an encoded image held in memory; an image whose header declares more than
     * {@code maxPixels} pixels is refused before decoding. {@code name} is only used in messages.
     */
    public static BgrImage decode(byte[] encoded, String name, long maxPixels) {
        ImageHeader header = ImageHeader.read(encoded, name);
        header.checkWithin(maxPixels, name);
        Truncation.requireComplete(header, encoded, name);
        JpegHeader jpeg = "jpeg".equals(header.format()) ? JpegHeader.parse(encoded) : null;
        if (jpeg != null && jpeg.components() != 1 && jpeg.components() != 3) {
            throw new ImageDecodeException("unsupported JPEG colour space in " + name + ": " + jpeg.components()
                    + " components (CMYK/YCCK JPEGs are not supported)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(header.format());
            if (!readers.hasNext()) {
                throw new ImageDecodeException("no " + header.format() + " decoder in this JVM for " + name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener(new FailOnTruncation(name));
                if (jpeg != null) {
                    BgrImage img = decodeJpeg(reader, jpeg, name);
                    return ExifOrientation.fromJpeg(encoded).apply(img);
                }
                BufferedImage bi = reader.read(0);
                return fromBufferedImage(bi);
            } finally {
                reader.dispose();
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException("cannot decode image " + name + " (truncated or corrupt?): " + e, e);
        }
    }

    /**
     * The raw samples (no colour conversion, so no ICC transform) straight from the raster's bytes:
     * going through {@code Raster.getPixels} into an int row cost more than the inverse DCT.
     */
    private static BgrImage decodeJpeg(ImageReader reader, JpegHeader header, String name) throws IOException {
        Raster raster = reader.readRaster(0, null);
        int bands = raster.getNumBands();
        int w = raster.getWidth();
        int h = raster.getHeight();
        BgrImage.checkSize(w, h);
        if (bands != 1 && bands != 3) {
            throw new ImageDecodeException("unsupported JPEG colour space in " + name + ": " + bands
                    + " components (CMYK/YCCK JPEGs are not supported)");
        }
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel)
                || !(raster.getDataBuffer() instanceof DataBufferByte)) {
            throw new ImageDecodeException("unexpected raster layout from the JPEG reader for " + name + ": "
                    + raster.getSampleModel());
        }
        PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) raster.getSampleModel();
        byte[] src = ((DataBufferByte) raster.getDataBuffer()).getData();
        int ps = sm.getPixelStride();
        int ss = sm.getScanlineStride();
        int[] bo = sm.getBandOffsets();
        int base = raster.getDataBuffer().getOffset()
                + (raster.getMinY() - raster.getSampleModelTranslateY()) * ss
                + (raster.getMinX() - raster.getSampleModelTranslateX()) * ps;
        if (bands == 3 && ps == 3 && bo[0] == 0 && bo[1] == 1 && bo[2] == 2 && header.isYCbCr()) {
            // the raster is ours alone: convert in place and wrap it, no second image-sized array
            for (int y = 0; y < h; y++) {
                YCbCrConverter.rowToBgr(src, base + y * ss, 3, 0, 1, 2, src, base + y * ss, w);
            }
            return BgrImage.wrap(src, base, w, h, ss);
        }
        BgrImage out = BgrImage.allocate(w, h);
        byte[] d = out.data();
        if (bands == 1) {
            for (int y = 0; y < h; y++) {
                int s = base + y * ss + bo[0];
                for (int x = 0, p = y * w * 3; x < w; x++, p += 3, s += ps) {
                    byte v = src[s];
                    d[p] = v;
                    d[p + 1] = v;
                    d[p + 2] = v;
                }
            }
            return out;
        }
        boolean ycc = header.isYCbCr();
        for (int y = 0; y < h; y++) {
            int row = base + y * ss;
            if (ycc) {
                YCbCrConverter.rowToBgr(src, row, ps, bo[0], bo[1], bo[2], d, y * w * 3, w);
            } else {
                for (int x = 0, s = row, p = y * w * 3; x < w; x++, s += ps, p += 3) {
                    d[p] = src[s + bo[2]];
                    d[p + 1] = src[s + bo[1]];
                    d[p + 2] = src[s + bo[0]];
                }
            }
        }
        return out;
    }

    /**
     * Converts any {@link BufferedImage} to BGR. Byte BGR images are copied row by row; grey images
     * keep their sample values (as {@code cv::imread} replicates grey into three channels); all other
     * types go through {@code getRGB} (sRGB).
     */
    public static BgrImage fromBufferedImage(BufferedImage bi) {
        int w = bi.getWidth();
        int h = bi.getHeight();
        BgrImage.checkSize(w, h);
        BgrImage out = BgrImage.allocate(w, h);
        byte[] d = out.data();
        Raster r = bi.getRaster();
        if (bi.getType() == BufferedImage.TYPE_3BYTE_BGR && r.getSampleModel() instanceof ComponentSampleModel
                && r.getDataBuffer() instanceof DataBufferByte) {
            ComponentSampleModel sm = (ComponentSampleModel) r.getSampleModel();
            int[] bandOffsets = sm.getBandOffsets();
            if (sm.getPixelStride() == 3 && bandOffsets[0] == 2 && bandOffsets[1] == 1 && bandOffsets[2] == 0) {
                byte[] src = ((DataBufferByte) r.getDataBuffer()).getData();
                int base = r.getDataBuffer().getOffset()
                        - r.getSampleModelTranslateY() * sm.getScanlineStride()
                        - r.getSampleModelTranslateX() * 3;
                for (int y = 0; y < h; y++) {
                    System.arraycopy(src, base + y * sm.getScanlineStride(), d, y * w * 3, w * 3);
                }
                return out;
            }
        }
        if (bi.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, 0, row);
                for (int x = 0, p = y * w * 3; x < w; x++, p += 3) {
                    byte v = (byte) row[x];
                    d[p] = v;
                    d[p + 1] = v;
                    d[p + 2] = v;
                }
            }
            return out;
        }
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            bi.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0, p = y * w * 3; x < w; x++, p += 3) {
                int v = argb[x];
                d[p] = (byte) v;
                d[p + 1] = (byte) (v >> 8);
                d[p + 2] = (byte) (v >> 16);
            }
        }
        return out;
    }

    private static final class FailOnTruncation implements IIOReadWarningListener {
        private final String name;

        FailOnTruncation(String name) {
            this.name = name;
        }

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String w = warning.toLowerCase(java.util.Locale.ROOT);
            if (w.contains("premature end") || w.contains("truncat")) {
                throw new ImageDecodeException("truncated image " + name + ": " + warning);
            }
        }
    }
}
