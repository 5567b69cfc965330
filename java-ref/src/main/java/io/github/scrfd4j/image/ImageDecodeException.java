package io.github.scrfd4j.image;

/** An image file or buffer that cannot be decoded: missing, unsupported, truncated or corrupt. */
public class ImageDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImageDecodeException(String message) {
        super(message);
    }

    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
