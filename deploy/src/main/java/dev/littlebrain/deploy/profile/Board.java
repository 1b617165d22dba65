package dev.littlebrain.deploy.profile;

/**
 * A target board: its core, clock and memory.
 *
 * @param cyclesPerInstruction average clock cycles per instruction of integer kernel code on this core
 *     (an assumption of the latency model, stated in {@link LatencyModel})
 */
public record Board(String id, String name, String core, int clockMhz, int ramKb, int flashKb,
        double cyclesPerInstruction) {

    public Board {
        if (clockMhz <= 0 || ramKb <= 0 || flashKb <= 0 || !(cyclesPerInstruction > 0)) {
            throw new IllegalArgumentException("board " + id + ": clock, RAM, flash and CPI must be positive");
        }
    }

    /** Cores with a single-precision FPU; any other runs float code in software (Cortex-M0/M0+/M3, plain M4). */
    private static final java.util.Set<String> FPU_CORES = java.util.Set.of("cortex-m4f", "cortex-m7", "cortex-m33f",
            "cortex-m55", "cortex-m85", "xtensa-lx6", "xtensa-lx7");

    /** Whether the core has a single-precision floating-point unit (the DSP's float arithmetic runs in hardware). */
    public boolean hasFpu() {
        return FPU_CORES.contains(core.toLowerCase(java.util.Locale.ROOT));
    }
}
