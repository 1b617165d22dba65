package dev.littlebrain.impulse.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data explorer's map: principal axes, the samples nearer another label's mean, a whole project mapped. */
class FeatureMapTest {
    @TempDir
    Path tmp;

    @Test
    void principalAxesFollowTheSpreadOfTheData() {
        Random r = new Random(3);
        double[][] x = new double[400][3];
        for (double[] row : x) {
            row[0] = 3 * r.nextGaussian();   // most of the variance
            row[1] = r.nextGaussian();
            row[2] = 0.1 * r.nextGaussian();
        }
        double[][] axes = Pca.components(x, 2);
        assertEquals(1, Math.abs(axes[0][0]), 0.01, "PC1 is the first coordinate");
        assertEquals(1, Math.abs(axes[1][1]), 0.01, "PC2 the second");
        assertEquals(0, Pca.dot(axes[0], axes[1]), 1e-9, "orthogonal");
        assertArrayEquals(axes[0], Pca.components(x, 2)[0], "the same data, the same axes");
    }

    @Test
    void aSampleNearerAnotherLabelsMeanIsSuspect() {
        Random r = new Random(5);
        double[][] x = new double[21][2];
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean left = i < 10;
            x[i][0] = (left ? -5 : 5) + r.nextGaussian();
            x[i][1] = r.nextGaussian();
            labels.add(left ? "left" : "right");
        }
        x[20][0] = 5; // sits among the "right" samples
        labels.add("left");
        boolean[] suspect = NearestMean.disagreeing(x, labels);
        for (int i = 0; i < 20; i++) {
            assertTrue(!suspect[i], "sample " + i + " sits with its own label");
        }
        assertTrue(suspect[20], "the mislabelled one is marked");
    }

    @Test
    void everySampleOfAProjectIsAPointNamedByItsFile() throws Exception {
        Project project = Project.create(tmp.resolve("p"), "motion");
        Datasets.generate(SyntheticKind.MOTION, tmp.resolve("raw"), 6, 1);
        project.importData(tmp.resolve("raw"), ImportPlan.asIs(), Progress.NONE);
        FeatureMap map = project.featureMap(Progress.NONE);
        int samples = Datasets.describe(project.layout().data(), Progress.NONE).stats().rows().stream()
                .mapToInt(c -> c.total()).sum();
        assertEquals(samples, map.points().size());
        for (FeatureMap.Point p : map.points()) {
            assertTrue(Files.isRegularFile(project.layout().data().resolve(p.id())), p.id());
            assertTrue(Double.isFinite(p.x()) && Double.isFinite(p.y()), p.toString());
        }
        double[] explained = map.explainedVariance();
        assertTrue(explained[0] >= explained[1] && explained[1] > 0 && explained[0] + explained[1] <= 1 + 1e-9,
                java.util.Arrays.toString(explained));
        long suspects = map.points().stream().filter(FeatureMap.Point::suspect).count();
        assertTrue(suspects < samples / 4, "the generated gestures are told apart: " + suspects + " suspects");
    }
}
