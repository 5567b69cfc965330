package io.github.scrfd4j.decode;

/** The model's outputs fit none of the SCRFD layouts; the message lists what was found. */
public class OutputLayoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputLayoutException(String message) {
        super(message);
    }
}
