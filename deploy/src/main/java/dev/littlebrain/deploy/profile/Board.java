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
}
