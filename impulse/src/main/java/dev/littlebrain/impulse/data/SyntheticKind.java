package dev.littlebrain.impulse.data;

import dev.littlebrain.data.synth.GloveDatasetGenerator;
import dev.littlebrain.data.synth.MotionDatasetGenerator;
import dev.littlebrain.data.synth.SyntheticSensorDataset;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The synthetic datasets LittleBrain can generate without a download. */
public enum SyntheticKind {
    /** 3-axis accelerometer gestures idle/wave/circle/updown, 2 s at 62.5 Hz. */
    MOTION {
        @Override
        SyntheticSensorDataset generator(int samplesPerClass, long seed) {
            return new MotionDatasetGenerator(samplesPerClass, seed);
        }
    },
    /** x, y fingertip paths of circle/triangle/zigzag/check drawn in the air, 0.8-2 s at 50 Hz. */
    GLOVE {
        @Override
        SyntheticSensorDataset generator(int samplesPerClass, long seed) {
            return new GloveDatasetGenerator(samplesPerClass, seed);
        }
    };

    abstract SyntheticSensorDataset generator(int samplesPerClass, long seed);

    /** The name a person types: {@code motion}, {@code glove}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the kinds there are */
    public static SyntheticKind fromId(String id) {
        for (SyntheticKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown dataset kind '" + id + "'; supported: "
                + Arrays.stream(values()).map(SyntheticKind::id).collect(Collectors.joining(", ")));
    }
}
