package dev.littlebrain.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The previews already drawn, so that scrolling back through thousands of samples reads no file twice. An entry is
 * good while its file has the same modification time and size; the least recently shown go first when the cache is
 * full.
 */
final class PreviewCache {
    private record Entry(long modifiedMillis, long size, SamplePreview preview) {
    }

    private final Map<Path, Entry> entries;

    PreviewCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The preview of {@code file} (known as {@code id}), drawn now only when the file changed or is new. */
    SamplePreview get(String id, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long modified = attributes.lastModifiedTime().toMillis();
        synchronized (entries) {
            Entry e = entries.get(file);
            if (e != null && e.modifiedMillis == modified && e.size == attributes.size() && e.preview.id().equals(id)) {
                return e.preview;
            }
        }
        SamplePreview preview = SamplePreview.of(id, file);
        synchronized (entries) {
            entries.put(file, new Entry(modified, attributes.size(), preview));
        }
        return preview;
    }
}
