package io.github.scrfd4j.image;

/** {@link PhotoDecoder} over {@link ImageDecoder}: {@code javax.imageio} plus libjpeg's colour maths. */
final class JavaPhotoDecoder implements PhotoDecoder {
    static final JavaPhotoDecoder INSTANCE = new JavaPhotoDecoder();

    private JavaPhotoDecoder() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String description() {
        return "pure Java (javax.imageio, Java " + Runtime.version().feature() + ")";
    }

    @Override
    public BgrImage decode(byte[] encoded, String name, long maxPixels) {
        return ImageDecoder.decode(encoded, name, maxPixels);
    }
}
