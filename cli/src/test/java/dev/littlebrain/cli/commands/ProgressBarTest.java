package dev.littlebrain.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void plainLinesAtEveryTenthWhenNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar("features", new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                clock::get);
        for (int i = 1; i <= 1000; i++) {
            clock.addAndGet(10_000_000L); // 10 ms per item
            bar.onProgress(i, 1000);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(11, lines.length, String.join("\n", lines));
        assertTrue(lines[5].startsWith("features [###############...............]  50% 500/1000 ETA 0:05"), lines[5]);
        assertTrue(lines[10].endsWith("100% 1000/1000 done in 0:10"), lines[10]);
    }

    @Test
    void terminalRedrawsAtMostTenTimesASecondAndNeverGoesBack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar("x", new PrintStream(bytes, true, StandardCharsets.UTF_8), true, clock::get);
        for (int i = 1; i <= 1000; i++) {
            clock.addAndGet(1_000_000L); // 1 ms per item: 1 s in all
            bar.onProgress(i, 1000);
            bar.onProgress(i - 1, 1000); // a late report from another thread
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        long redraws = out.chars().filter(c -> c == '\r').count();
        assertTrue(redraws <= 12 && redraws >= 9, "redraws: " + redraws);
        assertTrue(out.endsWith("1000/1000 done in 0:01" + System.lineSeparator()), out);
    }
}
