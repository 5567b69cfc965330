package io.github.scrfd4j.image.opencv;

import io.github.scrfd4j.image.PhotoDecoder;
import io.github.scrfd4j.image.PhotoDecoderProvider;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgcodecs;

/** Offers {@link OpenCvPhotoDecoder} when OpenCV's natives load (preferred over the pure-Java decoder). */
public final class OpenCvPhotoDecoderProvider implements PhotoDecoderProvider {
    private static volatile Optional<String> unavailable;

    @Override
    public String name() {
        return "opencv";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Optional<String> unavailableReason() {
        Optional<String> u = unavailable;
        if (u == null) {
            try {
                Loader.load(opencv_imgcodecs.class);
                u = Optional.empty();
            } catch (Throwable t) {
                u = Optional.of("OpenCV's natives for " + Loader.getPlatform() + " do not load: " + t);
            }
            unavailable = u;
        }
        return u;
    }

    @Override
    public PhotoDecoder decoder() {
        return new OpenCvPhotoDecoder();
    }
}
