package io.github.scrfd4j.models;

import io.github.scrfd4j.models.ModelResolutionException.Reason;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Downloads one manifest file into a directory. Bytes go to a temporary file in that directory and are
 * renamed into place atomically only after size and SHA-256 match, so the target name never holds a
 * partial or wrong file; the temporary file is deleted on any failure.
 */
public final class Downloader {

    /** When to draw the progress bar. */
    public enum Progress {
        /** Only when a terminal is attached. */
        AUTO,
        /** Always, e.g. when the user asked for it. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final PrintStream progressOut;
    private final boolean showProgress;

    /** 15 s connect timeout, 60 s read timeout, progress on stderr when a terminal is attached. */
    public Downloader() {
        this(Duration.ofSeconds(15), Duration.ofSeconds(60), System.err, Progress.AUTO);
    }

    /**
     * @param connectTimeout limit for establishing the connection
     * @param readTimeout    limit for any single wait for data (not for the whole transfer)
     * @param progressOut    where the progress bar goes
     * @param progress       when to draw it
     */
    public Downloader(Duration connectTimeout, Duration readTimeout, PrintStream progressOut, Progress progress) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.progressOut = Objects.requireNonNull(progressOut, "progressOut");
        this.showProgress = progress == Progress.ALWAYS || (progress == Progress.AUTO && terminalAttached());
    }

    /**
     * Downloads {@code file.url()} to {@code dir/file.file()}, replacing any file there.
     *
     * @return the verified file
     * @throws ModelResolutionException on any failure; nothing is left behind in {@code dir}
     */
    public Path download(ModelFile file, Path dir) {
        Path target = dir.resolve(file.file());
        Path tmp = null;
        HttpURLConnection conn = null;
        long got = 0;
        boolean responded = false;
        try {
            Files.createDirectories(dir);
            conn = (HttpURLConnection) file.url().toURL().openConnection();
            conn.setConnectTimeout(millis(connectTimeout));
            conn.setReadTimeout(millis(readTimeout));
            conn.setInstanceFollowRedirects(true);
            conn.setRequestProperty("User-Agent", "scrfd4j");
            int status = conn.getResponseCode();
            responded = true;
            if (status != HttpURLConnection.HTTP_OK) {
                throw fail(Reason.HTTP_STATUS, file, dir, "HTTP " + status
                        + (conn.getResponseMessage() == null ? "" : " " + conn.getResponseMessage())
                        + " from " + file.url(), null);
            }
            // Dot-prefixed so that listings and globbing for models skip half-written files.
            tmp = Files.createTempFile(dir, "." + file.file() + ".", ".part");
            MessageDigest md = Sha256.newDigest();
            ProgressBar bar = showProgress ? new ProgressBar(progressOut, file.file(), file.bytes()) : null;
            try (InputStream in = conn.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = read(in, buf, got, file, dir)) >= 0; ) {
                    got += n;
                    if (got > file.bytes()) {
                        throw fail(Reason.SIZE_MISMATCH, file, dir, "server sent more than the expected "
                                + file.bytes() + " bytes from " + file.url(), null);
                    }
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                    if (bar != null) {
                        bar.update(got);
                    }
                }
            } finally {
                if (bar != null) {
                    bar.finish();
                }
            }
            if (got < file.bytes()) {
                throw fail(Reason.TRUNCATED, file, dir, truncated(got, file), null);
            }
            String actual = Sha256.hex(md.digest());
            if (!actual.equals(file.sha256())) {
                throw fail(Reason.CHECKSUM_MISMATCH, file, dir, "checksum mismatch for download from " + file.url()
                        + ": expected sha256 " + file.sha256() + ", got " + actual, null);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            return target;
        } catch (ModelResolutionException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw fail(Reason.TIMEOUT, file, dir, "timeout (" + e.getMessage() + "; connect limit "
                    + connectTimeout.toMillis() + " ms, read limit " + readTimeout.toMillis() + " ms) fetching "
                    + file.url() + (got > 0 ? " after " + got + " of " + file.bytes() + " bytes" : ""), e);
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw fail(Reason.UNREACHABLE, file, dir, "network unreachable (" + e + ") fetching " + file.url(), e);
        } catch (IOException e) {
            if (conn != null && !responded) {
                throw fail(Reason.UNREACHABLE, file, dir, "network error (" + e + ") fetching " + file.url(), e);
            }
            throw fail(Reason.IO_ERROR, file, dir, "I/O error (" + e + ") saving " + file.url() + " into " + dir, e);
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The original failure matters more than a leftover temp file.
                }
            }
        }
    }

    /** Reads body bytes; a dropped connection (but not a timeout) means the file arrived truncated. */
    private static int read(InputStream in, byte[] buf, long got, ModelFile file, Path dir) throws IOException {
        try {
            return in.read(buf);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw fail(Reason.TRUNCATED, file, dir, truncated(got, file) + " (" + e + ")", e);
        }
    }

    private static String truncated(long got, ModelFile file) {
        return "truncated: got " + got + " of " + file.bytes() + " bytes from " + file.url();
    }

    private static ModelResolutionException fail(Reason r, ModelFile file, Path dir, String problem, Throwable cause) {
        return ModelResolutionException.forFile(r, file, problem, dir, cause);
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /**
     * Whether stdin/stdout is an interactive terminal. From JDK 22 {@code System.console()} is non-null
     * even when redirected, so {@code Console.isTerminal()} decides there; it is looked up reflectively
     * because this code targets Java 17.
     */
    static boolean terminalAttached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Looked up on Console itself: the runtime class is JDK-internal and not accessible.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22, a non-null console means a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** A one-line bar redrawn with carriage returns, only when the percentage changes. */
    private static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private final String label;
        private final long total;
        private int lastPercent = -1;

        ProgressBar(PrintStream out, String label, long total) {
            this.out = out;
            this.label = label;
            this.total = total;
            update(0);
        }

        void update(long done) {
            int percent = (int) (done * 100 / total);
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int fill = percent * WIDTH / 100;
            out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %.1f/%.1f MB", label, "#".repeat(fill),
                    " ".repeat(WIDTH - fill), percent, done / 1e6, total / 1e6));
            out.flush();
        }

        void finish() {
            out.println();
            out.flush();
        }
    }
}
