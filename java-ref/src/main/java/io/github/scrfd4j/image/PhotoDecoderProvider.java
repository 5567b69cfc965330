package io.github.scrfd4j.image;

import java.util.Optional;

/**
 * A {@link PhotoDecoder} offered through {@link java.util.ServiceLoader} by a module such as
 * {@code scrfd4j-opencv}: the provider answers whether its native library loads here before a
 * decoder is handed out.
 */
public interface PhotoDecoderProvider {
    /** The decoder's short name, as {@code --decoder} takes it. */
    String name();

    /** Higher is preferred by {@link PhotoDecoders#best()}; the pure-Java decoder is 0. */
    int priority();

    /** Why the decoder cannot be used on this machine, or empty when it can. */
    Optional<String> unavailableReason();

    /** The decoder; only called when {@link #unavailableReason()} is empty. */
    PhotoDecoder decoder();
}
