package dev.littlebrain.dsp.blocks;

import java.util.Map;
import java.util.Set;

/**
 * Parameters of the trajectory block (LittleBrain's own; Edge Impulse has no equivalent).
 *
 * @param points    {@code points}: positions the path is resampled to (32)
 * @param normalize {@code normalize}: centre the path on its mean and divide by its largest extent,
 *                  so where and how large a gesture is drawn does not matter (true)
 */
public record TrajectoryConfig(int points, boolean normalize) {
    static final String BLOCK = "trajectory";
    static final Set<String> PARAMETERS = Set.of("points", "normalize");
    private static final int MAX_POINTS = 4096;

    public TrajectoryConfig {
        if (points < 2 || points > MAX_POINTS) {
            throw new InvalidParameterException(BLOCK, "points", points, "expected 2.." + MAX_POINTS);
        }
    }

    public static TrajectoryConfig defaults() {
        return new TrajectoryConfig(32, true);
    }

    public static TrajectoryConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        return new TrajectoryConfig(p.integer("points", 32), p.bool("normalize", true));
    }
}
