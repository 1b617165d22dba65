package dev.littlebrain.impulse.training;

import dev.littlebrain.impulse.ImpulseProject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The training samples that calibrate the int8 model's activation ranges. */
final class CalibrationSamples {
    /** How many samples calibrate a model (fewer when the training split is smaller). */
    static final int COUNT = 100;
    /**
     * The draw of the calibration samples, the same whatever the training seed: every model of a project, and every
     * member of an ensemble (whose int8 members then share the input's parameters), is calibrated on the same inputs.
     */
    static final long SEED = 1;

    private CalibrationSamples() {
    }

    /** Up to {@code max} training samples, every label present: labels taken in turn from shuffled per-label lists. */
    static List<float[][]> representative(ImpulseProject.Split train, int classes, int max, long seed) {
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byLabel.add(new ArrayList<>());
        }
        for (int i = 0; i < train.size(); i++) {
            byLabel.get(train.labels()[i]).add(i);
        }
        Random rng = new Random(seed);
        for (List<Integer> l : byLabel) {
            Collections.shuffle(l, rng);
        }
        List<float[][]> out = new ArrayList<>();
        for (int round = 0; out.size() < Math.min(max, train.size()); round++) {
            for (List<Integer> l : byLabel) {
                if (round < l.size() && out.size() < max) {
                    out.add(new float[][] {train.features()[l.get(round)]});
                }
            }
        }
        return out;
    }
}
