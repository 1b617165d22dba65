package dev.littlebrain.impulse.audio;

import dev.littlebrain.runtime.stream.Detection;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/** Continuous classification of live audio: a source fed to a streaming classifier one slice at a time. */
public final class Spotting {
    private Spotting() {
    }

    /**
     * Feeds {@code source} to {@code classifier} slice by slice until the source ends or {@code maxSamples} have gone
     * in; every detection goes to {@code detections} as it happens.
     */
    public static void run(AudioSource source, StreamingClassifier classifier, int sliceSamples, long maxSamples,
            Consumer<Detection> detections) throws IOException {
        float[] buffer = new float[sliceSamples];
        long total = 0;
        while (total < maxSamples) {
            int n = source.read(buffer);
            if (n < 0) {
                break;
            }
            int take = (int) Math.min(n, maxSamples - total);
            total += take;
            classifier.accept(Arrays.copyOf(buffer, take)).forEach(detections);
        }
    }
}
