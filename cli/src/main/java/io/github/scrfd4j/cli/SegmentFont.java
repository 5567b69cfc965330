package io.github.scrfd4j.cli;

import java.awt.Graphics2D;

/**
 * Seven-segment strokes for the score labels ({@code face:0.87}). Drawing with lines instead of a
 * system font keeps annotation working on headless machines that have no fonts installed.
 */
final class SegmentFont {
    // Segment bits: top, upper right, lower right, bottom, lower left, upper left, middle.
    private static final int A = 1;
    private static final int B = 2;
    private static final int C = 4;
    private static final int D = 8;
    private static final int E = 16;
    private static final int F = 32;
    private static final int G = 64;
    private static final String CHARS = "0123456789face-";
    private static final int[] SEGMENTS = {
        A | B | C | D | E | F, B | C, A | B | G | E | D, A | B | G | C | D, F | G | B | C,
        A | F | G | C | D, A | F | G | E | D | C, A | B | C, A | B | C | D | E | F | G, A | B | C | D | F | G,
        A | E | F | G, A | B | C | E | F | G, D | E | G, A | B | D | E | F | G, G,
    };

    private SegmentFont() {
    }

    /** Glyph width for a text height. */
    static int glyphWidth(int height) {
        return Math.max(3, height * 6 / 13);
    }

    /** Draws {@code text} with its bottom-left corner at {@code (x, baseline)}, as {@code cv::putText} does. */
    static void draw(Graphics2D g, String text, int x, int baseline, int height) {
        int w = glyphWidth(height);
        int top = baseline - height;
        int mid = baseline - height / 2;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '.' || ch == ':') {
                g.fillRect(x, baseline - 2, 2, 2);
                if (ch == ':') {
                    g.fillRect(x, mid - 2, 2, 2);
                }
                x += 5;
                continue;
            }
            int k = CHARS.indexOf(ch);
            int s = k < 0 ? 0 : SEGMENTS[k];
            int r = x + w;
            line(g, s, A, x, top, r, top);
            line(g, s, B, r, top, r, mid);
            line(g, s, C, r, mid, r, baseline);
            line(g, s, D, x, baseline, r, baseline);
            line(g, s, E, x, mid, x, baseline);
            line(g, s, F, x, top, x, mid);
            line(g, s, G, x, mid, r, mid);
            x += w + Math.max(3, height / 4);
        }
    }

    private static void line(Graphics2D g, int segments, int bit, int x1, int y1, int x2, int y2) {
        if ((segments & bit) != 0) {
            g.drawLine(x1, y1, x2, y2);
        }
    }
}
