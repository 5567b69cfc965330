package io.github.scrfd4j.engine;

/** A runtime failed to load a model or to run it; the message names the model and the runtime's error. */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
