package dev.littlebrain.impulse.record;

import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder-per-label layout {@code data import} reads: {@code <root>/<label>/<label>_<n>.wav}, 16-bit PCM mono.
 * Clips get the next free number and are never written over: each is written beside its place under a hidden name
 * (which {@code data import} skips) and then linked into place, which fails rather than replaces when another clip
 * took the name meanwhile. The names carry no {@code _nohash_}, so {@code data import}'s hash rule spreads one
 * person's clips over training, validation and test instead of putting all of them in one split.
 */
public final class ClipFolder {
    private final Path root;
    private final int sampleRate;

    public ClipFolder(Path root, int sampleRate) {
        this.root = root;
        this.sampleRate = sampleRate;
    }

    /** Writes {@code samples} (int16 scale) as the next clip of {@code label}; returns its path. */
    public Path write(String label, float[] samples) throws IOException {
        Path folder = root.resolve(label);
        Files.createDirectories(folder);
        byte[] wav = WavWriter.encode(Signal.fromInt16Values(sampleRate, samples), WavEncoding.PCM_S16);
        Path temp = Files.createTempFile(folder, ".recording-", ".tmp");
        try {
            Files.write(temp, wav);
            for (int n = nextNumber(folder, label); ; n++) {
                Path target = folder.resolve(String.format(java.util.Locale.ROOT, "%s_%04d.wav", label, n));
                try {
                    Files.createLink(target, temp);
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    // Someone wrote this number since we looked: try the next.
                } catch (UnsupportedOperationException noLinks) {
                    if (!Files.exists(target)) { // a file system without hard links: a plain move, checked first
                        Files.move(temp, target);
                        return target;
                    }
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** One more than the highest number of the label's clips already in {@code folder} (1 when none). */
    static int nextNumber(Path folder, String label) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(label) + "_(\\d{1,9})\\.wav");
        int highest = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return highest + 1;
    }
}
