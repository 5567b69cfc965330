package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void rendersCountRateAndTimeLeft() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), 30, () -> 0L);
        // 12 of 30 in 3 s: 4 images/s, 18 left = 4.5 s, rounded to 5 s (hand-computed)
        assertEquals("[=========>              ] 12/30 images, 4.0 images/s, 5 s left", bar.render(12, 3.0));
        assertEquals("2 min 05 s", ProgressBar.duration(125));
        assertEquals("1 h 01 min", ProgressBar.duration(3660));
    }

    @Test
    void silentForShortRunsThenThrottledAndCleared() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 10, now::get);
        now.set(500_000_000L);
        bar.update(1);
        assertEquals("", text.toString(), "nothing in the first second");
        now.set(1_100_000_000L);
        bar.update(2);
        assertTrue(text.toString().contains("2/10 images"), text.toString());
        now.set(1_200_000_000L);
        bar.update(3);
        assertTrue(!text.toString().contains("3/10"), "redrawn at most every 200 ms");
        bar.clear();
        assertTrue(text.toString().endsWith("\r\033[K"), "cleared before a line is printed");
        now.set(5_000_000_000L);
        int before = text.toString().length();
        bar.update(10);
        assertEquals(before, text.toString().length(), "no bar once everything is done");
    }
}
