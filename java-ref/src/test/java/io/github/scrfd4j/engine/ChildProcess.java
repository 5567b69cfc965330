package io.github.scrfd4j.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with a time limit. Output goes to a file, not a pipe, so a child that hangs is
 * killed at the limit instead of blocking the test on a read.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** Exit status (-1 when killed at the limit) and stdout + stderr together. */
    public record Result(int exit, boolean timedOut, String out) {
    }

    public static Result run(List<String> command, Map<String, String> env, Duration limit)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("scrfd4j-child", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(done ? p.exitValue() : -1, !done, out);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
