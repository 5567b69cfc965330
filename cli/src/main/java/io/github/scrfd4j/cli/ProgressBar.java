package io.github.scrfd4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for long batches: images done/total, images per second and
 * time left, redrawn in place at most five times a second, and only once the run has taken a second
 * (a short run prints nothing). The caller clears it before printing a result line, so lines and bar
 * never mix.
 */
final class ProgressBar {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final int total;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private boolean shown;

    ProgressBar(PrintWriter err, int total, LongSupplier clock) {
        this.err = err;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /**
     * Whether stderr is a terminal: the launcher tells ({@code -Dscrfd4j.stderr.tty}, from
     * {@code [ -t 2 ]}), else {@link System#console()}.
     */
    static boolean stderrIsTerminal() {
        String told = System.getProperty("scrfd4j.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    /** Erases the bar (if drawn) so that a line can be printed. */
    void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }

    /** Redraws after {@code done} images, when it is time to. */
    void update(int done) {
        long now = clock.getAsLong();
        if (now - start < SHOW_AFTER_NANOS || (shown && now - lastDraw < REDRAW_NANOS) || done >= total) {
            return;
        }
        lastDraw = now;
        err.print("\r\033[K" + render(done, (now - start) / 1e9));
        err.flush();
        shown = true;
    }

    /** The bar's text, e.g. {@code [=========>      ] 12/30 images, 4.1 images/s, 4 s left}. */
    String render(int done, double seconds) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < WIDTH; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        double rate = seconds > 0 ? done / seconds : 0;
        b.append(String.format(Locale.ROOT, "] %d/%d images, %.1f images/s", done, total, rate));
        if (rate > 0) {
            b.append(", ").append(duration((total - done) / rate)).append(" left");
        }
        return b.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
