package io.github.scrfd4j.engine;

/**
 * Whether an engine can run here. For a usable engine {@code detail} names the runtime library it
 * loaded (or would load); for an unusable one it says why, in a way a user can act on.
 */
public record EngineAvailability(boolean usable, String detail) {
    public static EngineAvailability usable(String library) {
        return new EngineAvailability(true, library);
    }

    public static EngineAvailability unusable(String reason) {
        return new EngineAvailability(false, reason);
    }
}
