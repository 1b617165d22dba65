package dev.littlebrain.runtime.stream;

import dev.littlebrain.runtime.Interpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Continuous classification of an audio stream with the bit-exact runtime: audio arrives in chunks of
 * any size, is cut into slices, each slice updates the window's features and runs the model once;
 * the last few score vectors are averaged and a keyword fires when its average passes the threshold,
 * then the classifier stays quiet for the suppression period. Not thread-safe.
 */
public final class StreamingClassifier {
    private final Interpreter interpreter;
    private final SliceFeatures features;
    private final ContinuousConfig config;
    private final float[] slice;
    private int sliceFill;
    private final float[][] recentScores;
    private int recentNext;
    private final float[] averaged;
    private long samplesSeen;
    private final DetectionDecider decider;
    private java.util.function.Consumer<ScoredSlice> scoreListener = s -> { };

    public StreamingClassifier(Interpreter interpreter, SliceFeatures features, ContinuousConfig config) {
        this.interpreter = interpreter;
        this.features = features;
        this.config = config;
        int classes = interpreter.output(0).elementCount();
        if (config.labels().size() != classes) {
            throw new IllegalArgumentException("the model has " + classes + " outputs but " + config.labels().size()
                    + " labels were given: " + config.labels());
        }
        this.slice = new float[config.sliceSamples()];
        this.recentScores = new float[config.averagedWindows()][classes];
        this.averaged = new float[classes];
        this.decider = new DetectionDecider(config);
    }

    /**
     * Receives the averaged scores of every model run (before the decision), e.g. to sweep thresholds
     * offline with {@link DetectionDecider#replay}; returns this classifier.
     */
    public StreamingClassifier onScores(java.util.function.Consumer<ScoredSlice> listener) {
        this.scoreListener = java.util.Objects.requireNonNull(listener);
        return this;
    }

    /** Feeds audio samples (any count); returns the detections completed by them, in time order. */
    public List<Detection> accept(float[] samples) {
        List<Detection> detections = new ArrayList<>(1);
        int i = 0;
        while (i < samples.length) {
            int n = Math.min(samples.length - i, slice.length - sliceFill);
            System.arraycopy(samples, i, slice, sliceFill, n);
            sliceFill += n;
            i += n;
            if (sliceFill == slice.length) {
                samplesSeen += slice.length;
                sliceFill = 0;
                onSlice(detections);
            }
        }
        return detections;
    }

    /** The averaged scores after the latest run (zeros before the first full window). */
    public float[] averagedScores() {
        return averaged.clone();
    }

    /** Milliseconds of audio consumed into complete slices so far. */
    public long timeMs() {
        return samplesSeen * 1000L / config.sampleRate();
    }

    private void onSlice(List<Detection> detections) {
        Optional<float[]> window = features.push(slice.clone());
        if (window.isEmpty()) {
            return;
        }
        float[] scores = WindowScores.of(interpreter, window.get());
        System.arraycopy(scores, 0, recentScores[recentNext], 0, scores.length);
        recentNext = (recentNext + 1) % recentScores.length;
        // Every slot counts, the ones not yet filled as zeros: a stream's first run (its window partly before
        // the stream began) is diluted like any run that the runs around it do not confirm.
        for (int c = 0; c < averaged.length; c++) {
            float sum = 0;
            for (float[] run : recentScores) {
                sum += run[c];
            }
            averaged[c] = sum / recentScores.length;
        }
        long now = timeMs();
        scoreListener.accept(new ScoredSlice(now, averaged.clone()));
        decider.decide(averaged, now).ifPresent(detections::add);
    }
}
