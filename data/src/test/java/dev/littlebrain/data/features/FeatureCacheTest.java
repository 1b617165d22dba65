package dev.littlebrain.data.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.TestClips;
import dev.littlebrain.data.importer.FolderPerLabelImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
    @TempDir
    Path dir;

    /** Mean and energy of the window, counting its calls. */
    private static final class CountingExtractor implements FeatureExtractor {
        final AtomicInteger calls = new AtomicInteger();
        final String key;

        CountingExtractor(String key) {
            this.key = key;
        }

        @Override
        public String configKey() {
            return key;
        }

        @Override
        public float[] extract(Signal window) {
            calls.incrementAndGet();
            double sum = 0;
            double energy = 0;
            for (float v : window.interleaved()) {
                sum += v;
                energy += v * v;
            }
            return new float[] {(float) sum, (float) energy, window.frames()};
        }
    }

    @Test
    void computesOnceAndRecomputesOnlyWhatChanged() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("a"));
        for (int i = 0; i < 40; i++) {
            TestClips.tone(data.resolve("a/c" + i + ".wav"), 16000, 800, i);
        }
        Files.copy(data.resolve("a/c0.wav"), data.resolve("a/copy.wav")); // same content, computed once
        List<Sample> samples = FolderPerLabelImporter.importFrom(data, ProgressListener.NONE).dataset().samples();
        SampleLoader loader = SampleLoader.standard(AudioRequirement.strict(16000));
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));

        CountingExtractor mfcc = new CountingExtractor("test/v1 a=1");
        AtomicLong last = new AtomicLong();
        FeatureSet first = cache.features(samples, mfcc, loader, (done, total) -> last.accumulateAndGet(done, Math::max));
        assertEquals(41, samples.size());
        assertEquals(40, mfcc.calls.get());
        assertEquals(40, last.get());
        assertEquals(40, first.computed());
        for (int i = 0; i < samples.size(); i++) {
            assertArrayEquals(mfcc.extract(loader.load(samples.get(i))), first.features().get(i), "order kept");
        }

        CountingExtractor again = new CountingExtractor("test/v1 a=1");
        FeatureSet second = cache.features(samples, again, loader, ProgressListener.NONE);
        assertEquals(0, again.calls.get());
        assertEquals(40, second.reused());
        for (int i = 0; i < samples.size(); i++) {
            assertArrayEquals(first.features().get(i), second.features().get(i));
        }

        // A changed sample and a damaged cache file are recomputed; nothing else.
        TestClips.tone(data.resolve("a/c5.wav"), 16000, 800, 999);
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            Path victim = files.filter(p -> p.toString().endsWith(".f32")).sorted().findFirst().orElseThrow();
            Files.write(victim, new byte[] {1, 2, 3});
        }
        List<Sample> changed = FolderPerLabelImporter.importFrom(data, ProgressListener.NONE).dataset().samples();
        CountingExtractor third = new CountingExtractor("test/v1 a=1");
        cache.features(changed, third, loader, ProgressListener.NONE);
        assertEquals(2, third.calls.get());

        // Another config key computes everything afresh.
        CountingExtractor otherConfig = new CountingExtractor("test/v1 a=2");
        cache.features(changed, otherConfig, loader, ProgressListener.NONE);
        assertEquals(40, otherConfig.calls.get());
    }

    @Test
    void extractorFailureNamesTheSample() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("a"));
        TestClips.tone(data.resolve("a/x.wav"), 16000, 100, 1);
        Dataset d = FolderPerLabelImporter.importFrom(data, ProgressListener.NONE).dataset();
        FeatureExtractor broken = new FeatureExtractor() {
            @Override
            public String configKey() {
                return "broken";
            }

            @Override
            public float[] extract(Signal window) {
                throw new IllegalStateException("window too short");
            }
        };
        DatasetException e = assertThrows(DatasetException.class, () -> new FeatureCache(dir.resolve("c"))
                .features(d.samples(), broken, SampleLoader.standard(AudioRequirement.strict(16000)),
                        ProgressListener.NONE));
        assertTrue(e.getMessage().contains("x.wav") && e.getMessage().contains("window too short"), e.getMessage());
    }
}
