package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads Edge Impulse style string parameters ({@code "0.02"}, {@code "256"}, {@code "true"})
 * for one block, applying defaults for absent names and rejecting unknown names, so a typo
 * cannot silently fall back to a default. The names, defaults and allowed values are the block's
 * {@link ParameterSpec}s: the schema a tool shows is what is parsed.
 */
final class BlockParameters {
    private final String block;
    private final Map<String, String> values;
    private final Map<String, ParameterSpec> specs;

    BlockParameters(String block, Map<String, String> values, List<ParameterSpec> specs) {
        this.block = block;
        this.values = Map.copyOf(values);
        this.specs = specs.stream().collect(Collectors.toMap(ParameterSpec::name, s -> s));
        Set<String> known = this.specs.keySet();
        for (String name : this.values.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParameterException(block, name, this.values.get(name),
                        "unknown parameter; known parameters are " + new TreeSet<>(known));
            }
        }
    }

    /** The value of {@code spec}'s integer parameter, or its default. */
    int integer(ParameterSpec spec) {
        return integer(declared(spec).name(), Integer.parseInt(spec.defaultValue()));
    }

    /** The value of {@code spec}'s number parameter, or its default. */
    double number(ParameterSpec spec) {
        return number(declared(spec).name(), Double.parseDouble(spec.defaultValue()));
    }

    /** The value of {@code spec}'s flag, or its default. */
    boolean bool(ParameterSpec spec) {
        return bool(declared(spec).name(), Boolean.parseBoolean(spec.defaultValue()));
    }

    /** The value of {@code spec}'s select parameter (one of its values), or its default. */
    String choice(ParameterSpec spec) {
        return choice(declared(spec).name(), spec.defaultValue(), Set.copyOf(spec.values()));
    }

    /** The value of {@code spec}'s text parameter, or its default. */
    String text(ParameterSpec spec) {
        return text(declared(spec).name(), spec.defaultValue());
    }

    /** A config may read only what it declares, so its schema cannot miss a parameter. */
    private ParameterSpec declared(ParameterSpec spec) {
        if (specs.get(spec.name()) != spec) {
            throw new IllegalStateException(block + ": parameter '" + spec.name() + "' is read but not declared");
        }
        return spec;
    }

    private double number(String name, double defaultValue) {
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

    private int integer(String name, int defaultValue) {
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

    private boolean bool(String name, boolean defaultValue) {
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

    private String choice(String name, String defaultValue, Set<String> allowed) {
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
    private String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }
}
