package dev.littlebrain.impulse.data;

import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.files.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A project's deleted samples ({@code .trash/}), last deleted last: one numbered slot per deletion holding the file
 * and {@code entry.json}, its manifest entry, where it stood in the manifest and, for a cropped sample, the path of
 * the crop that took its place. Nothing in it is removed but a slot whose sample went back to data/.
 */
final class SampleTrash {
    private static final String ENTRY_FILE = "entry.json";

    /**
     * A deleted sample: its manifest entry, where it stood in the manifest, the slot that keeps it, and the crop
     * that replaced it (empty when it was deleted, not cropped).
     */
    record Kept(int index, ManifestEntry entry, Path slot, Optional<String> replacedBy) {
        /** The kept file. */
        Path file() {
            return slot.resolve(entry.path().substring(entry.path().lastIndexOf('/') + 1));
        }
    }

    /** What {@code entry.json} holds; {@code crop} is absent for a deletion (and in slots written before crops). */
    private record Note(int index, ManifestEntry entry, String crop) {
    }

    private final Path folder;

    SampleTrash(Path folder) {
        this.folder = folder;
    }

    /**
     * A new slot for the sample listed as {@code entry} at {@code index}: the note is written, the caller puts the
     * file at {@link Kept#file()}.
     */
    Kept open(int index, ManifestEntry entry) throws IOException {
        return open(index, entry, Optional.empty());
    }

    /** As {@link #open(int, ManifestEntry)}, for a sample replaced by its crop {@code replacedBy}. */
    Kept open(int index, ManifestEntry entry, Optional<String> replacedBy) throws IOException {
        int next = slots().stream().mapToInt(p -> Integer.parseInt(p.getFileName().toString())).max().orElse(0) + 1;
        Path slot = Files.createDirectories(folder.resolve(String.format(Locale.ROOT, "%06d", next)));
        AtomicFiles.write(slot.resolve(ENTRY_FILE), Json.indented().writeValueAsBytes(new Note(index, entry,
                replacedBy.orElse(null))));
        return new Kept(index, entry, slot, replacedBy);
    }

    /** The last deletion; empty when the trash is empty. */
    Optional<Kept> last() throws IOException {
        List<Path> slots = slots();
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        Path slot = slots.get(slots.size() - 1);
        Note note = Json.reader().readValue(slot.resolve(ENTRY_FILE).toFile(), Note.class);
        return Optional.of(new Kept(note.index(), note.entry(), slot, Optional.ofNullable(note.crop())));
    }

    /** Empties the slot of a sample that is back in data/ (its file there is a link to the kept one). */
    void release(Kept kept) throws IOException {
        Files.delete(kept.file());
        Files.delete(kept.slot().resolve(ENTRY_FILE));
        Files.delete(kept.slot());
    }

    int size() throws IOException {
        return slots().size();
    }

    /** The slots that hold a deleted sample, oldest first. */
    private List<Path> slots() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var paths = Files.list(folder)) {
            return paths.filter(p -> p.getFileName().toString().matches("\\d{6}"))
                    .filter(p -> Files.isRegularFile(p.resolve(ENTRY_FILE))).sorted().toList();
        }
    }
}
