package dev.littlebrain.dsp.blocks;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Edge Impulse style string parameters ({@code "0.02"}, {@code "256"}, {@code "true"})
 * for one block, applying defaults for absent names and rejecting unknown names, so a typo
 * cannot silently fall back to a default.
 */
final class BlockParameters {
    private final String block;
    private final Map<String, String> values;

    BlockParameters(String block, Map<String, String> values, Set<String> known) {
        this.block = block;
        this.values = Map.copyOf(values);
        for (String name : this.values.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParameterException(block, name, this.values.get(name),
                        "unknown parameter; known parameters are " + new TreeSet<>(known));
            }
        }
    }

    double number(String name, double defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            double v = Double.parseDouble(raw.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(block, name, raw, "expected a finite number");
    }

    int integer(String name, int defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            double v = Double.parseDouble(raw.trim());
            // Accept "256.0" as Edge Impulse JSON sometimes writes integers as floats.
            if (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(block, name, raw, "expected an integer");
    }

    boolean bool(String name, boolean defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1":
                return true;
            case "false", "0":
                return false;
            default:
                throw new InvalidParameterException(block, name, raw, "expected true or false");
        }
    }

    String choice(String name, String defaultValue, Set<String> allowed) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        String v = raw.trim();
        if (!allowed.contains(v)) {
            throw new InvalidParameterException(block, name, raw, "allowed values are " + new TreeSet<>(allowed));
        }
        return v;
    }

    /** Text parameters that are accepted for compatibility but not interpreted. */
    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }
}
