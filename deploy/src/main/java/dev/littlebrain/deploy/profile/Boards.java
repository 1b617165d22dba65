package dev.littlebrain.deploy.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in board profiles. Cycles per instruction: Cortex-M4/M4F ≈ 1.25 (single-issue, 2-cycle
 * loads, 1-cycle multiply-accumulate); Cortex-M7 ≈ 0.7 (dual-issue, caches warm); Cortex-M0+ ≈ 1.6
 * (no DSP extensions, narrower immediates make the same C take more instructions, folded in here);
 * Xtensa LX6 ≈ 1.3.
 */
public final class Boards {
    private static final List<Board> BUILT_IN = List.of(
            new Board("nano33ble", "Arduino Nano 33 BLE Sense (nRF52840)", "cortex-m4f", 64, 256, 1024, 1.25),
            new Board("nucleo-l476rg", "STM32 Nucleo-L476RG", "cortex-m4f", 80, 128, 1024, 1.25),
            new Board("edgebadge", "Adafruit EdgeBadge (SAMD51)", "cortex-m4f", 120, 192, 512, 1.25),
            new Board("teensy40", "Teensy 4.0 (i.MX RT1062)", "cortex-m7", 600, 1024, 2048, 0.7),
            new Board("pico", "Raspberry Pi Pico (RP2040)", "cortex-m0+", 133, 264, 2048, 1.6),
            new Board("esp32", "ESP32 (Xtensa LX6)", "xtensa-lx6", 240, 520, 4096, 1.3));

    private Boards() {
    }

    public static List<Board> builtIn() {
        return BUILT_IN;
    }

    public static Optional<Board> find(String id) {
        return BUILT_IN.stream().filter(b -> b.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The cycles per instruction assumed for a core that a built-in board has, if any. */
    public static Optional<Double> cyclesPerInstruction(String core) {
        return BUILT_IN.stream().filter(b -> b.core().equalsIgnoreCase(core)).map(Board::cyclesPerInstruction)
                .findFirst();
    }

    public static Map<String, Board> byId() {
        Map<String, Board> m = new LinkedHashMap<>();
        BUILT_IN.forEach(b -> m.put(b.id(), b));
        return m;
    }
}
