package io.github.scrfd4j.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.Charset;

/**
 * Keeps standard output for the CLI's own output. Native runtimes print to file descriptor 1
 * (MNN's "The device supports: ..." line, for example), which would corrupt {@code --json -}. The
 * {@code scrfd4j} launcher therefore moves the original standard output to descriptor 3 and points
 * descriptor 1 at standard error ({@code exec 3>&1 1>&2}), then names descriptor 3 in
 * {@code -Dscrfd4j.stdout.fd=3}; here {@link System#out} is rebound to that descriptor. Without the
 * property (for example {@code java -jar}) nothing changes.
 */
final class StandardOutput {
    static final String PROPERTY = "scrfd4j.stdout.fd";

    private StandardOutput() {
    }

    /** Rebinds {@link System#out} to the descriptor named by {@value #PROPERTY}, if any. */
    static void takeOver() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return;
        }
        int fd;
        try {
            fd = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            System.err.println("scrfd4j: ignoring -D" + PROPERTY + "=" + value + ": not a file descriptor number");
            return;
        }
        try {
            OutputStream out = new FileOutputStream(descriptor(fd));
            System.setOut(new PrintStream(out, true, Charset.defaultCharset()));
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            System.err.println("scrfd4j: cannot write to file descriptor " + fd + " (" + e
                    + "); native libraries may print into standard output");
        }
    }

    /**
     * A {@link FileDescriptor} for descriptor {@code fd}, sharing its open file (same offset, so output
     * interleaves correctly with stderr when both go to one file). The JDK has no public constructor
     * for that: the launcher opens {@code java.io} to us ({@code --add-opens java.base/java.io=ALL-UNNAMED});
     * without it, {@code /dev/fd/N} is reopened instead.
     */
    private static FileDescriptor descriptor(int fd) throws IOException, ReflectiveOperationException {
        FileDescriptor d = new FileDescriptor();
        try {
            Field f = FileDescriptor.class.getDeclaredField("fd");
            f.setAccessible(true);
            f.setInt(d, fd);
            return d;
        } catch (RuntimeException e) {
            // InaccessibleObjectException (JDK 9+) without --add-opens
            return new FileOutputStream("/dev/fd/" + fd, true).getFD();
        }
    }
}
