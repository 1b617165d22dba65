package dev.littlebrain.data.importer;

import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Imports a folder with one sub-folder per label holding WAV, CSV or Edge Impulse JSON files
 * (mixed kinds are allowed; curation and features decide what they accept). Splits follow
 * Speech Commands list files when present, else the Speech Commands hash rule on the file name,
 * which keeps a speaker's {@code <speaker>_nohash_<n>} files together.
 */
public final class FolderPerLabelImporter {
    private FolderPerLabelImporter() {
    }

    public static ImportResult importFrom(Path root, ProgressListener progress) throws IOException {
        return SpeechCommandsImporter.importFolder(root, SampleInspector::isSampleFile, progress);
    }
}
