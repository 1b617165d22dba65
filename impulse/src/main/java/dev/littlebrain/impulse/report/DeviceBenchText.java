package dev.littlebrain.impulse.report;

import dev.littlebrain.impulse.bench.DeviceBenchReport;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code littlebrain bench device}'s table: each model on the emulated Cortex-M4F against TFLM with CMSIS-NN. */
public final class DeviceBenchText {
    private DeviceBenchText() {
    }

    /** A row per model (and per skipped case), the DSP update's cost when measured, then how it was measured. */
    public static void print(DeviceBenchReport report, PrintWriter out) {
        out.printf("%-26s %10s %9s %14s  %s%n", "model", "flash B", "RAM B", "instructions",
                "vs TFLM+CMSIS-NN: instructions / flash / RAM");
        for (DeviceBenchReport.Model m : report.models()) {
            String ratios = m.cmsisNnRatios().map(q -> String.format(Locale.ROOT, "%.2fx / %.2fx / %.2fx",
                    q.instructions(), q.flash(), q.ram())).orElse("-");
            out.printf(Locale.ROOT, "%-26s %,10d %,9d %,14d  %s%s%n", m.model(), m.flashBytes(), m.ramBytes(),
                    m.instructions(), ratios, m.matchesGolden() ? "" : "  OUTPUTS DIFFER FROM GOLDEN");
        }
        for (DeviceBenchReport.Skipped s : report.skipped()) {
            out.printf("%-26s skipped: %s%n", s.model(), s.reason());
        }
        report.dspUpdate().ifPresent(d -> out.printf(Locale.ROOT,
                "kws template MFCC: %,d instructions per 250 ms update, DSP state %,d B%n",
                d.instructionsPerUpdate(), d.stateBytes()));
        out.println("Cortex-M4F under QEMU mps2-an386 (-icount shift=0), arm-none-eabi-gcc -O2; RAM = data + bss +"
                + " stack high-water; instructions per inference, mean over the case's examples.");
    }
}
