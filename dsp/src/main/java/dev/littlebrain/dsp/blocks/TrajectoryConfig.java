package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Map;

/**
 * Parameters of the trajectory block (LittleBrain's own; Edge Impulse has no equivalent).
 *
 * @param points    {@code points}: positions the path is resampled to (32)
 * @param normalize {@code normalize}: centre the path on its mean and divide by its largest extent,
 *                  so where and how large a gesture is drawn does not matter (true)
 */
public record TrajectoryConfig(int points, boolean normalize) {
    static final String BLOCK = "trajectory";
    private static final int MAX_POINTS = 4096;
    private static final ParameterSpec POINTS = ParameterSpec.integer("points", 32, 2, MAX_POINTS,
            "positions the path is resampled to");
    private static final ParameterSpec NORMALIZE = ParameterSpec.bool("normalize", true,
            "centre the path on its mean and divide by its largest extent");
    /** Every parameter. */
    static final List<ParameterSpec> PARAMETERS = List.of(POINTS, NORMALIZE);

    public TrajectoryConfig {
        if (points < 2 || points > MAX_POINTS) {
            throw new InvalidParameterException(BLOCK, "points", points, "expected 2.." + MAX_POINTS);
        }
    }

    public static TrajectoryConfig defaults() {
        return fromParameters(Map.of());
    }

    public static TrajectoryConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        return new TrajectoryConfig(p.integer(POINTS), p.bool(NORMALIZE));
    }
}
