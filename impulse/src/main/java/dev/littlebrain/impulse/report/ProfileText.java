package dev.littlebrain.impulse.report;

import dev.littlebrain.impulse.profile.DeviceProfile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Device profiles as the table {@code littlebrain profile} prints: RAM, flash, instructions and time per board with a
 * verdict, the DSP front end's share of a continuous slice for an impulse that has one; a {@code *} marks figures
 * measured from a real build.
 */
public final class ProfileText {
    private ProfileText() {
    }

    /** Prints a row per board, then what the figures count and where they come from. */
    public static void print(List<DeviceProfile> profiles, PrintWriter out) {
        boolean dsp = profiles.stream().anyMatch(e -> e.frontEnd().isPresent());
        if (dsp) {
            out.printf("%-15s %-11s %9s %9s %10s %8s %9s %9s  %s%n", "board", "core", "RAM", "flash", "NN instr.",
                    "NN ms", "DSP ms", "of slice", "verdict");
        } else {
            out.printf("%-15s %-11s %9s %9s %10s %10s  %s%n", "board", "core", "RAM", "flash", "instr.",
                    "ms/infer", "verdict");
        }
        boolean anyMeasured = profiles.stream().anyMatch(DeviceProfile::measured);
        for (DeviceProfile e : profiles) {
            String verdict = (e.fitsRam() ? "" : "RAM too small; ") + (e.fitsFlash() ? "" : "flash too small; ")
                    + (e.meetsDeadline() ? "" : "misses the " + e.sliceMs() + " ms slice; ");
            verdict = verdict.isEmpty() ? "fits" : verdict.substring(0, verdict.length() - 2);
            String mark = e.measured() ? "*" : " ";
            if (dsp) {
                double dspMs = e.frontEnd().map(DeviceProfile.FrontEnd::msPerUpdate).orElse(0.0);
                String share = e.sliceMs() > 0
                        ? String.format(Locale.ROOT, "%.0f %%", 100 * (dspMs + e.inferenceMs()) / e.sliceMs())
                        : "-";
                out.printf(Locale.ROOT, "%-15s %-11s %,8d%s %,8d%s %,10d %8.2f %9.2f %9s  %s%n", e.board(),
                        e.core(), e.ramBytes(), mark, e.flashBytes(), mark, e.instructions(),
                        e.inferenceMs(), dspMs, share, verdict);
            } else {
                out.printf(Locale.ROOT, "%-15s %-11s %,8d%s %,8d%s %,10d %10.2f  %s%n", e.board(),
                        e.core(), e.ramBytes(), mark, e.flashBytes(), mark, e.instructions(),
                        e.inferenceMs(), verdict);
            }
        }
        if (dsp) {
            DeviceProfile first = profiles.get(0);
            DeviceProfile.FrontEnd frontEnd = first.frontEnd().orElse(new DeviceProfile.FrontEnd(0, 0, 0, 0));
            out.printf(Locale.ROOT, "Impulse in continuous mode: one DSP update (%,d instructions) and one inference"
                    + " per %.0f ms slice. RAM = tensor arena + DSP (window ring, rows, features: %,d B) + 1 KiB"
                    + " stack; flash = weights + kernel code + DSP code and tables.%n", frontEnd.instructionsPerUpdate(),
                    first.sliceMs(), frontEnd.ramBytes());
            out.println("Times from instruction models calibrated on an emulated Cortex-M4 (see deploy/profile),"
                    + " scaled by each board's clock and cycles per instruction.");
        } else {
            out.println("RAM = tensor arena + input window + 1 KiB stack; flash = weights + 8 KiB kernel code;"
                    + " time from an instruction model calibrated on an emulated Cortex-M4 (see deploy/profile).");
        }
        if (anyMeasured) {
            out.println("* measured from an arm-none-eabi-gcc -O2 build of the standalone C for the board's core:"
                    + " flash = code + weights + tables, RAM = static data (arena, I/O buffers"
                    + (dsp ? ", DSP state" : "") + ") + " + (dsp ? "" : "window + ") + "stack.");
        }
    }
}
