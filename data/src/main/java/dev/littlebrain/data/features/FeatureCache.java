package dev.littlebrain.data.features;

import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.importer.ContentHash;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feature vectors on disk, keyed by (sample content hash, extractor config key):
 * <pre>
 * cacheDir/&lt;sha256 of config key&gt;/config-key.txt      the key in clear, for people
 * cacheDir/&lt;sha256 of config key&gt;/&lt;sample sha256&gt;.f32  "LBF1", int32 count, float32 values (LE)
 * </pre>
 * A file per sample keeps every write atomic and independent (no index to rewrite, no lock), and
 * a changed sample or config simply maps to another file name, so nothing is ever stale. Missing
 * features are computed on all cores; the result is in the order of the samples asked for.
 */
public final class FeatureCache {
    private static final int MAGIC = 0x3146424C; // "LBF1" little-endian

    private final Path directory;

    public FeatureCache(Path directory) {
        this.directory = directory;
    }

    /** Features of every sample, computing (and storing) only those not in the cache. */
    public FeatureSet features(List<Sample> samples, FeatureExtractor extractor, SampleLoader loader,
                               ProgressListener progress) throws IOException {
        String key = extractor.configKey();
        Path configDir = directory.resolve(ContentHash.sha256(key.getBytes(StandardCharsets.UTF_8)));
        Path keyFile = configDir.resolve("config-key.txt");
        // Entries a killed run was writing when it died: their temporary files would otherwise stay for good.
        AtomicFiles.deleteLeftovers(configDir);
        if (!Files.exists(keyFile)) {
            AtomicFiles.write(keyFile, (key + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // One computation per distinct content, however many samples share it.
        Map<String, Sample> byHash = new LinkedHashMap<>();
        samples.forEach(s -> byHash.putIfAbsent(s.sha256(), s));
        Map<String, float[]> results = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();
        AtomicInteger computed = new AtomicInteger();
        int total = byHash.size();
        try {
            byHash.values().parallelStream().forEach(sample -> {
                Path file = configDir.resolve(sample.sha256() + ".f32");
                float[] features = readOrNull(file);
                if (features == null) {
                    features = compute(sample, extractor, loader);
                    try {
                        AtomicFiles.write(file, encode(features));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    computed.incrementAndGet();
                }
                results.put(sample.sha256(), features);
                progress.onProgress(done.incrementAndGet(), total);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<float[]> ordered = samples.stream().map(s -> results.get(s.sha256())).toList();
        return new FeatureSet(key, ordered, computed.get(), total - computed.get());
    }

    private static float[] compute(Sample sample, FeatureExtractor extractor, SampleLoader loader) {
        try {
            return extractor.extract(loader.load(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new DatasetException(sample.source() + ": feature extraction failed ("
                    + e + ")", e));
        }
    }

    /** The cached vector, or null when absent or unreadable (a damaged file is recomputed, not trusted). */
    private static float[] readOrNull(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        if (bytes.length < 8) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt(4);
        if (b.getInt(0) != MAGIC || count < 0 || bytes.length != 8 + 4L * count) {
            return null;
        }
        float[] out = new float[count];
        b.position(8);
        b.asFloatBuffer().get(out);
        return out;
    }

    private static byte[] encode(float[] features) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * features.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(features.length);
        b.asFloatBuffer().put(features);
        return b.array();
    }
}
