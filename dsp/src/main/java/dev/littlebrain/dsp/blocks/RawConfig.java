package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Map;

/**
 * Parameters of the Edge Impulse raw-data block.
 *
 * @param scaleAxes {@code scale_axes}, multiplies every sample (1)
 */
public record RawConfig(double scaleAxes) {
    static final String BLOCK = "raw";
    private static final ParameterSpec SCALE_AXES = ParameterSpec.number("scale_axes", 1,
            "multiplies every sample");
    private static final ParameterSpec IMPLEMENTATION_VERSION = ParameterSpec.integer("implementation_version", 1,
            "accepted for compatibility; every version computes the same");
    /** Every parameter. */
    static final List<ParameterSpec> PARAMETERS = List.of(SCALE_AXES, IMPLEMENTATION_VERSION);

    public RawConfig {
        if (!Double.isFinite(scaleAxes)) {
            throw new InvalidParameterException(BLOCK, "scale_axes", scaleAxes, "expected a finite number");
        }
    }

    public static RawConfig defaults() {
        return fromParameters(Map.of());
    }

    public static RawConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        p.integer(IMPLEMENTATION_VERSION);
        return new RawConfig(p.number(SCALE_AXES));
    }
}
