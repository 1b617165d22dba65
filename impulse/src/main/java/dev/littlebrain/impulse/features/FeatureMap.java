package dev.littlebrain.impulse.features;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.data.Sample;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every sample of a project as a point on a plane, for the studio's data explorer: the DSP features, each dimension
 * standardised, projected on their first two principal components. A sample whose features lie nearer another
 * label's mean than its own is marked {@code suspect}: a mislabelled clip, a take of the wrong word, or a class
 * the features do not tell apart.
 *
 * @param points            one per sample with features, in manifest order
 * @param explainedVariance share of the total variance along each axis (PC1, PC2)
 */
public record FeatureMap(String block, List<Point> points, @JsonProperty("explained_variance") double[] explainedVariance) {

    /**
     * @param id the sample's path under the project's data folder ('/' separated): what the studio's sample
     *           endpoints take
     */
    public record Point(String id, String label, String split, double x, double y, boolean suspect) {
    }

    /** Computes (or reads from the feature cache) every sample's features and maps them. */
    public static FeatureMap of(ImpulseProject project, Progress progress) throws IOException {
        progress.stage("features");
        ImpulseProject.Features f = project.features(progress.listener());
        List<Sample> samples = f.samples();
        List<float[]> rows = f.set().features();
        double[][] x = Pca.standardised(rows);
        double[][] axes = Pca.components(x, 2);
        double total = Pca.totalVariance(x);
        double[] explained = new double[axes.length];
        double[][] projected = new double[x.length][axes.length];
        for (int a = 0; a < axes.length; a++) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                projected[i][a] = Pca.dot(x[i], axes[a]);
                sum += projected[i][a] * projected[i][a];
            }
            explained[a] = total > 0 ? sum / total : 0;
        }
        boolean[] suspect = NearestMean.disagreeing(x, samples.stream().map(Sample::label).toList());
        Path data = project.data().toAbsolutePath().normalize();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            String id = data.relativize(s.source().toAbsolutePath().normalize()).toString().replace('\\', '/');
            points.add(new Point(id, s.label(), s.split().name().toLowerCase(java.util.Locale.ROOT),
                    axes.length > 0 ? projected[i][0] : 0, axes.length > 1 ? projected[i][1] : 0, suspect[i]));
        }
        return new FeatureMap(f.block().name(), points, explained);
    }
}
