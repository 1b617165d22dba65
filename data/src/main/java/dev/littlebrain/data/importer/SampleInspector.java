package dev.littlebrain.data.importer;

import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleFile;
import dev.littlebrain.dsp.io.SignalFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a sample file completely — hashing its bytes and decoding it — so that a file that is
 * listed in a dataset is known to be usable before anything is built on it.
 */
final class SampleInspector {
    private SampleInspector() {
    }

    static boolean isSampleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && SampleFile.EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    static Sample inspect(Candidate c) throws IOException {
        Path file = c.file();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignalFormatException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        String hash = ContentHash.sha256(bytes);
        SampleFile read = SampleFile.check(file.toString(), bytes);
        return new Sample(c.label(), c.split(), file, hash, c.speakerId(), read.kind(), read.samplingHz(),
                read.frames(), read.axes());
    }
}
