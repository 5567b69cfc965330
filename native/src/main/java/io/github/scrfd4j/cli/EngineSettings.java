package io.github.scrfd4j.cli;

/**
 * How to run an engine: {@code --threads}, {@code --device} (engine-specific names) and
 * {@code --allow-fallback}.
 */
record EngineSettings(int threads, String device, boolean allowFallback) {
}
