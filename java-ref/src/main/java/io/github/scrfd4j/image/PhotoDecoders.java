package io.github.scrfd4j.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds photo decoders: the pure-Java one always, others through {@link ServiceLoader}
 * ({@link PhotoDecoderProvider}), so that putting {@code scrfd4j-opencv} on the class path is all it
 * takes to decode with OpenCV.
 */
public final class PhotoDecoders {
    private PhotoDecoders() {
    }

    /** The preferred available decoder: the highest-priority provider whose library loads, else Java. */
    public static PhotoDecoder best() {
        PhotoDecoderProvider best = null;
        for (PhotoDecoderProvider p : providers()) {
            if (p.unavailableReason().isEmpty() && (best == null || p.priority() > best.priority())) {
                best = p;
            }
        }
        return best == null ? PhotoDecoder.java() : best.decoder();
    }

    /**
     * The decoder called {@code name} ({@code auto} = {@link #best()}, {@code java}, or a provider's name).
     *
     * @throws IllegalArgumentException naming the decoders there are, or why the one asked for cannot load
     */
    public static PhotoDecoder named(String name) {
        if ("auto".equals(name)) {
            return best();
        }
        if ("java".equals(name)) {
            return PhotoDecoder.java();
        }
        requireKnown(name);
        PhotoDecoderProvider p = providers().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        Optional<String> why = p.unavailableReason();
        if (why.isPresent()) {
            throw new IllegalArgumentException("decoder " + name + " is not usable here: " + why.get());
        }
        return p.decoder();
    }

    /**
     * Checks that {@code name} names a decoder ({@code auto}, {@code java} or a provider on the class
     * path) without loading any native library.
     *
     * @throws IllegalArgumentException naming the decoders there are
     */
    public static void requireKnown(String name) {
        List<String> names = new ArrayList<>(List.of("auto", "java"));
        for (PhotoDecoderProvider p : providers()) {
            names.add(p.name());
        }
        if (!names.contains(name)) {
            throw new IllegalArgumentException("unknown decoder " + name + " (available: " + String.join(", ", names)
                    + (names.size() == 2 ? "; the opencv decoder needs scrfd4j-opencv on the class path" : "") + ")");
        }
    }

    /** The providers on the class path. */
    public static List<PhotoDecoderProvider> providers() {
        List<PhotoDecoderProvider> list = new ArrayList<>();
        for (PhotoDecoderProvider p : ServiceLoader.load(PhotoDecoderProvider.class)) {
            list.add(p);
        }
        return list;
    }
}
