package dev.littlebrain.dsp.blocks;

import java.util.Map;
import java.util.Set;

/**
 * Parameters of the Edge Impulse raw-data block.
 *
 * @param scaleAxes {@code scale_axes}, multiplies every sample (1)
 */
public record RawConfig(double scaleAxes) {
    static final String BLOCK = "raw";
    static final Set<String> PARAMETERS = Set.of("scale_axes", "implementation_version");

    public RawConfig {
        if (!Double.isFinite(scaleAxes)) {
            throw new InvalidParameterException(BLOCK, "scale_axes", scaleAxes, "expected a finite number");
        }
    }

    public static RawConfig defaults() {
        return new RawConfig(1.0);
    }

    public static RawConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        p.integer("implementation_version", 1);
        return new RawConfig(p.number("scale_axes", 1.0));
    }
}
