package dev.littlebrain.dsp.blocks;

import java.util.Set;

/** Range checks shared by the config records; each failure names the Edge Impulse parameter. */
final class ParameterChecks {
    private ParameterChecks() {
    }

    static void inRange(String block, String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidParameterException(block, name, value, "allowed range is [" + min + ", " + max + "]");
        }
    }

    static void positiveAtMost(String block, String name, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw new InvalidParameterException(block, name, value, "allowed range is (0, " + max + "]");
        }
    }

    static void inRange(String block, String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(block, name, value, "allowed range is [" + min + ", " + max + "]");
        }
    }

    static void oneOf(String block, String name, int value, Set<Integer> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidParameterException(block, name, value, "supported values are "
                    + new java.util.TreeSet<>(allowed));
        }
    }
}
