package dev.littlebrain.deploy.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bare-metal Cortex-M4F under QEMU ({@code mps2-an386}): cross-compiles a program around {@code lb_invoke} with
 * the harness ({@code m4/startup.c}, {@code m4/main.c}, {@code m4/m4.ld}), runs it once and reads back what it
 * measured.
 *
 * <p>The harness reads {@code inputs.bin} (every example back to back, {@code LB_INPUT_BYTES} each), writes
 * {@code outputs.bin} and {@code stats.txt} through ARM semihosting. Instructions are counted with SysTick on the
 * CPU clock under {@code -icount shift=0} (one instruction per nanosecond of virtual time, one 25 MHz tick per 40
 * instructions). With {@code -DLB_PROFILE_OPS -include profile.h} it also writes {@code ops.txt}, one line
 * "index instructions" per operator.
 */
public final class CortexM4Emulator {
    /** The tools the emulated device needs on the PATH. */
    public static final List<String> TOOLS = List.of("arm-none-eabi-gcc", "arm-none-eabi-size", "qemu-system-arm");

    /** The Cortex-M4F with its single-precision FPU, as the MPS2 AN386 board has it. */
    public static final List<String> CORTEX_M4F = List.of("-mcpu=cortex-m4", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16");

    private static final String[] HARNESS = {"startup.c", "main.c", "m4.ld", "profile.h"};
    private static final long TIMEOUT_SECONDS = 600;

    private CortexM4Emulator() {
    }

    /** The tools of {@link #TOOLS} that cannot be run, in one line, or empty when all are there. */
    public static Optional<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            boolean ok;
            try {
                ok = run(List.of(tool, "--version"), null).exitCode() == 0;
            } catch (IOException e) {
                ok = false;
            }
            if (!ok) {
                missing.add(tool);
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", missing) + " not found on PATH (the emulated Cortex-M4F needs the"
                        + " GNU Arm Embedded toolchain and QEMU's system emulator)");
    }

    /** Writes the harness's files into {@code dir}, next to the program's {@code lb_model.h} and sources. */
    public static void copyHarness(Path dir) throws IOException {
        for (String file : HARNESS) {
            try (InputStream in = CortexM4Emulator.class.getResourceAsStream("m4/" + file)) {
                if (in == null) {
                    throw new IOException("missing resource m4/" + file);
                }
                Files.write(dir.resolve(file), in.readAllBytes());
            }
        }
    }

    /** Cross-compiles the harness with {@code sources} for the Cortex-M4F, runs it once and returns stats.txt. */
    public static Map<String, Long> buildAndRun(Path dir, List<String> sources) throws IOException {
        return buildAndRun(dir, sources, CORTEX_M4F, "mps2-an386");
    }

    /**
     * The same for another core: {@code coreFlags} for the compiler and QEMU's {@code machine} (the MPS2 boards
     * share the memory map: {@code mps2-an385} is a Cortex-M3 without an FPU, for soft-float code).
     */
    public static Map<String, Long> buildAndRun(Path dir, List<String> sources, List<String> coreFlags, String machine)
            throws IOException {
        List<String> cc = new ArrayList<>(List.of("arm-none-eabi-gcc"));
        cc.addAll(coreFlags);
        cc.addAll(List.of("-mthumb", "-O2", "-std=c99", "-Wall", "-Wextra", "-Werror",
                "-ffunction-sections", "-fdata-sections", "-nostartfiles", "-Wl,--gc-sections", "-T", "m4.ld",
                "-o", "model.elf", "startup.c", "main.c"));
        cc.addAll(sources);
        compile(dir, cc);
        ToolRun run = run(List.of("qemu-system-arm", "-M", machine, "-nographic", "-semihosting", "-icount",
                "shift=0", "-kernel", "model.elf"), dir);
        if (run.exitCode() != 0) {
            throw new IOException("QEMU/harness failed (exit " + run.exitCode() + ") in " + dir + "\n" + run.stderr()
                    + new String(run.stdout(), StandardCharsets.UTF_8));
        }
        Map<String, Long> stats = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("stats.txt"))) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2) {
                stats.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return stats;
    }

    /** Compiles one source to an object for the Cortex-M4F ({@code -O2}), as the images build it; returns its path. */
    public static Path compileObject(Path dir, String source, String object, List<String> defines) throws IOException {
        List<String> cc = new ArrayList<>(List.of("arm-none-eabi-gcc"));
        cc.addAll(CORTEX_M4F);
        cc.addAll(List.of("-mthumb", "-O2", "-std=c99"));
        cc.addAll(defines);
        cc.addAll(List.of("-c", "-o", object, source));
        compile(dir, cc);
        return dir.resolve(object);
    }

    /** Section sizes from {@code arm-none-eabi-size -A}. */
    public static Map<String, Long> sections(Path elf) throws IOException {
        ToolRun r = run(List.of("arm-none-eabi-size", "-A", elf.toString()), null);
        if (r.exitCode() != 0) {
            throw new IOException("arm-none-eabi-size failed on " + elf + ": " + r.stderr());
        }
        Map<String, Long> sizes = new HashMap<>();
        for (String line : new String(r.stdout(), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].startsWith(".") && f[1].matches("\\d+")) {
                sizes.put(f[0], Long.parseLong(f[1]));
            }
        }
        return sizes;
    }

    /** Flash as the benchmark tables count it: text + rodata + exception index + the initial values of data. */
    public static long flashBytes(Map<String, Long> sections) {
        return sections.getOrDefault(".text", 0L) + sections.getOrDefault(".rodata", 0L)
                + sections.getOrDefault(".ARM.exidx", 0L) + sections.getOrDefault(".data", 0L);
    }

    /** Static RAM: data + bss (the stack high-water comes from the run). */
    public static long staticRamBytes(Map<String, Long> sections) {
        return sections.getOrDefault(".data", 0L) + sections.getOrDefault(".bss", 0L);
    }

    /** Runs the compiler; any warning counts as a failure (the generated C must build warning-free). */
    private static void compile(Path dir, List<String> command) throws IOException {
        ToolRun r = run(command, dir);
        if (r.exitCode() != 0 || !r.stderr().isBlank()) {
            throw new IOException("compilation failed in " + dir + ": " + String.join(" ", command) + "\n" + r.stderr());
        }
    }

    private static ToolRun run(List<String> command, Path workDir) throws IOException {
        return ToolRun.of(command, workDir, TIMEOUT_SECONDS);
    }
}
