package dev.littlebrain.studio;

import dev.littlebrain.data.curate.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The data's manifest as last read, read again only when the file changed: paging through 5,000 samples should not
 * parse a megabyte of JSON per page. Every write of a manifest is a new file renamed into place (a new inode), so the
 * file's key, size and modification time tell a new manifest from the one held.
 */
final class ManifestCache {
    private record Held(Object fileKey, long size, long modifiedMillis, Manifest manifest) {
    }

    private Held held;

    /** The manifest in {@code dataFolder}; empty when there is none (no data yet). */
    synchronized Optional<Manifest> read(Path dataFolder) throws IOException {
        Path file = dataFolder.resolve(Manifest.FILE_NAME);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        long modified = a.lastModifiedTime().toMillis();
        if (held == null || !Objects.equals(held.fileKey, a.fileKey()) || held.size != a.size()
                || held.modifiedMillis != modified) {
            held = new Held(a.fileKey(), a.size(), modified, Manifest.read(dataFolder));
        }
        return Optional.of(held.manifest);
    }
}
