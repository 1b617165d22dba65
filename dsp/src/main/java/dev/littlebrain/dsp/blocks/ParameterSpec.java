package dev.littlebrain.dsp.blocks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One parameter of a block, machine-readable, as an Edge Impulse block's {@code parameters.json} declares it: what a
 * form needs to render it (kind, default, help, range or allowed values). A block's config parses and checks its
 * parameters through these same records, so the schema a tool shows is the rule the parser applies.
 *
 * @param name         the parameter's name in an impulse file (Edge Impulse's where the block is theirs)
 * @param kind         how its value is written
 * @param defaultValue the value an absent parameter takes, as it would be written
 * @param help         one line for a user
 * @param range        the values a number may take, where bounded; parameters it depends on (e.g. at most
 *                     {@code num_filters}) are named in {@code help} and checked by the config
 * @param values       the only values accepted, where restricted (a select's choices); empty: any of the kind
 */
public record ParameterSpec(String name, Kind kind, String defaultValue, String help,
                            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Range> range,
                            List<String> values) {

    /** How a parameter's value is written. */
    public enum Kind {
        INT, FLOAT, BOOL, SELECT, STRING;

        /** Lower case, as in a schema file. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A closed interval of numbers, or half-open {@code (min, max]} where {@code minExclusive} (a length that must be
     * positive).
     */
    public record Range(double min, double max, boolean minExclusive) {
        public boolean contains(double value) {
            return (minExclusive ? value > min : value >= min) && value <= max;
        }
    }

    public ParameterSpec {
        values = List.copyOf(values);
    }

    /** An integer in {@code [min, max]}. */
    public static ParameterSpec integer(String name, int defaultValue, int min, int max, String help) {
        return new ParameterSpec(name, Kind.INT, Integer.toString(defaultValue), help,
                Optional.of(new Range(min, max, false)), List.of());
    }

    /** Any integer. */
    public static ParameterSpec integer(String name, int defaultValue, String help) {
        return new ParameterSpec(name, Kind.INT, Integer.toString(defaultValue), help, Optional.empty(), List.of());
    }

    /** One of a few integers (e.g. implementation versions). */
    public static ParameterSpec integerOf(String name, int defaultValue, List<Integer> allowed, String help) {
        return new ParameterSpec(name, Kind.INT, Integer.toString(defaultValue), help, Optional.empty(),
                allowed.stream().sorted().map(String::valueOf).toList());
    }

    /** A finite number in {@code [min, max]}. */
    public static ParameterSpec number(String name, double defaultValue, double min, double max, String help) {
        return new ParameterSpec(name, Kind.FLOAT, format(defaultValue), help, Optional.of(new Range(min, max, false)),
                List.of());
    }

    /** A finite number in {@code (0, max]}. */
    public static ParameterSpec positiveNumber(String name, double defaultValue, double max, String help) {
        return new ParameterSpec(name, Kind.FLOAT, format(defaultValue), help, Optional.of(new Range(0, max, true)),
                List.of());
    }

    /** Any finite number. */
    public static ParameterSpec number(String name, double defaultValue, String help) {
        return new ParameterSpec(name, Kind.FLOAT, format(defaultValue), help, Optional.empty(), List.of());
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String help) {
        return new ParameterSpec(name, Kind.BOOL, Boolean.toString(defaultValue), help, Optional.empty(), List.of());
    }

    /** A flag this implementation supports in one setting only. */
    public static ParameterSpec boolOnly(String name, boolean value, String help) {
        return new ParameterSpec(name, Kind.BOOL, Boolean.toString(value), help, Optional.empty(),
                List.of(Boolean.toString(value)));
    }

    /** One of {@code values}, in the order a form lists them. */
    public static ParameterSpec select(String name, String defaultValue, List<String> values, String help) {
        if (!values.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default '" + defaultValue + "' is not one of " + values);
        }
        return new ParameterSpec(name, Kind.SELECT, defaultValue, help, Optional.empty(), values);
    }

    /** Free text. */
    public static ParameterSpec text(String name, String defaultValue, String help) {
        return new ParameterSpec(name, Kind.STRING, defaultValue, help, Optional.empty(), List.of());
    }

    /**
     * Checks an integer against the range or allowed values, with the messages the configs have always given
     * ({@code allowed range is [2, 512]}, {@code supported values are [3, 4]}).
     *
     * @throws InvalidParameterException naming {@code block} and this parameter
     */
    public void check(String block, int value) {
        range.ifPresent(r -> ParameterChecks.inRange(block, name, value, (int) r.min(), (int) r.max()));
        if (!values.isEmpty() && !values.contains(Integer.toString(value))) {
            throw new InvalidParameterException(block, name, value, "supported values are "
                    + new TreeSet<>(values.stream().map(Integer::valueOf).toList()));
        }
    }

    /**
     * Checks a number against the range ({@code allowed range is [0.0, 1.0]}, or {@code (0, 10.0]} for a positive
     * one).
     *
     * @throws InvalidParameterException naming {@code block} and this parameter
     */
    public void check(String block, double value) {
        range.ifPresent(r -> {
            if (r.minExclusive()) {
                ParameterChecks.positiveAtMost(block, name, value, r.max());
            } else {
                ParameterChecks.inRange(block, name, value, r.min(), r.max());
            }
        });
    }

    /** {@code 0.02}, {@code 0.0005}, {@code 0} for 0.0: what a user writes. */
    private static String format(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
