package dev.littlebrain.impulse.data;

import dev.littlebrain.data.SampleFile;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.data.importer.ContentHash;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.SignalFormatException;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.record.WordTrim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A project's curated samples, edited one at a time: relabel or move a sample between splits, delete it into the
 * project's trash and undo that, add an uploaded or recorded file. The layout stays the one {@code data import}
 * writes ({@code <split>/<label>/<file>} under data/, listed in its manifest), so every command reads the project
 * as before.
 *
 * <p>No file is ever written over or deleted for good. A file changes place by a hard link to its new name (which
 * fails rather than replaces when the name is taken), then the manifest is rewritten atomically, then the old name
 * is removed: a crash in between leaves a second name of the file, never a manifest entry without its file. Each
 * edit holds the project's lock, so it waits for no running command and no command sees half an edit.
 */
public final class ProjectSamples {
    /** A usable label: a folder name on every system; {@code _unknown_} and {@code _noise_} are labels too. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");
    /** A usable file name for an added sample: no folders, no hidden files. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    /** Two sampling rates closer than this are one (as {@code data import} compares them). */
    private static final double SAME_RATE_HZ = 1e-6;

    private final ProjectLayout layout;
    private final ImpulseConfig.Input input;
    private final SampleTrash trash;

    private ProjectSamples(ProjectLayout layout, ImpulseConfig.Input input) {
        this.layout = layout;
        this.input = input;
        this.trash = new SampleTrash(layout.trash());
    }

    public static ProjectSamples of(Project project) {
        return new ProjectSamples(project.layout(), project.impulse().input());
    }

    /** The data's manifest; empty before any data was imported or added. */
    public synchronized Optional<Manifest> manifest() throws IOException {
        return Files.isRegularFile(manifestFile()) ? Optional.of(Manifest.read(layout.data())) : Optional.empty();
    }

    /** How many deleted samples the trash holds (what {@link #undoTrash()} can bring back). */
    public synchronized int trashed() throws IOException {
        return trash.size();
    }

    /** The file of the sample listed as {@code path}, which must be in the manifest. */
    public synchronized Path file(String path) throws IOException {
        entry(requireManifest(), path);
        return layout.data().resolve(path);
    }

    /** Gives sample {@code path} the label and split asked for; returns its entry, under its new path. */
    public synchronized ManifestEntry move(String path, String label, Split split) throws IOException {
        requireLabel(label);
        try (ProjectLock lock = lock()) {
            Manifest manifest = requireManifest();
            int index = entry(manifest, path);
            ManifestEntry old = manifest.samples().get(index);
            if (old.label().equals(label) && old.split().equals(split.id())) {
                return old;
            }
            String target = freePath(manifest, prefix(manifest), split, label, fileName(old.path()));
            ManifestEntry moved = with(old, target, label, split);
            link(layout.data().resolve(old.path()), layout.data().resolve(target));
            List<ManifestEntry> entries = new ArrayList<>(manifest.samples());
            entries.set(index, moved);
            write(manifest, entries, label);
            Files.delete(layout.data().resolve(old.path()));
            return moved;
        }
    }

    /** Moves sample {@code path} into the project's trash ({@link ProjectLayout#TRASH}); returns its entry. */
    public synchronized ManifestEntry trash(String path) throws IOException {
        try (ProjectLock lock = lock()) {
            Manifest manifest = requireManifest();
            int index = entry(manifest, path);
            ManifestEntry entry = manifest.samples().get(index);
            link(layout.data().resolve(path), trash.open(index, entry).file());
            List<ManifestEntry> entries = new ArrayList<>(manifest.samples());
            entries.remove(index);
            write(manifest, entries, entry.label());
            Files.delete(layout.data().resolve(path));
            return entry;
        }
    }

    /**
     * Replaces sample {@code path} by its span {@code [startMs, endMs)}, a new file of the same label, split and
     * format beside it ({@code name_crop.wav}); the original goes to the trash, so that {@link #undoTrash()} brings it
     * back and takes the crop out again. Returns the crop's entry.
     *
     * @throws SignalFormatException naming the sample when the span is empty, leaves the sample or is shorter than
     *                               the impulse's window
     */
    public synchronized ManifestEntry crop(String path, long startMs, long endMs) throws IOException {
        try (ProjectLock lock = lock()) {
            Manifest manifest = requireManifest();
            int index = entry(manifest, path);
            ManifestEntry old = manifest.samples().get(index);
            Path original = layout.data().resolve(path);
            SampleFile sample = SampleFile.check(fileName(path), Files.readAllBytes(original));
            SampleFile crop = SampleCrop.of(sample, startMs, endMs, input.windowMs());
            String name = fileName(path);
            int dot = name.lastIndexOf('.');
            String target = freePath(manifest, prefixOf(path), Split.fromId(old.split()), old.label(),
                    name.substring(0, dot) + "_crop" + name.substring(dot));
            writeNew(crop.bytes(), target);
            int offset = (int) Math.round(startMs * sample.samplingHz() / 1000.0);
            boolean window = crop.frames() == input.windowSamples() && crop.kind() == SampleKind.AUDIO;
            ManifestEntry cropped = new ManifestEntry(target, old.label(), old.split(),
                    ContentHash.sha256(crop.bytes()), old.source(), old.sourceSha256(), old.speaker(),
                    old.sourceOffset() - offset, old.noiseSource(),
                    old.noiseOffset(), old.noiseGain(), old.speedPercent(), window ? null : crop.frames(),
                    old.noiseSnrDb(), old.room());
            link(original, trash.open(index, old, Optional.of(target)).file());
            List<ManifestEntry> entries = new ArrayList<>(manifest.samples());
            entries.set(index, cropped);
            write(manifest, entries, old.label());
            Files.delete(original);
            return cropped;
        }
    }

    /**
     * Puts the last deleted sample back where it stood (under a numbered name if its own was taken since); empty
     * when the trash is empty.
     */
    public synchronized Optional<ManifestEntry> undoTrash() throws IOException {
        try (ProjectLock lock = lock()) {
            Optional<SampleTrash.Kept> last = trash.last();
            if (last.isEmpty()) {
                return Optional.empty();
            }
            ManifestEntry entry = last.get().entry();
            Manifest manifest = manifest().orElseGet(() -> emptyManifest(Optional.empty()));
            // A crop that replaced the sample goes as the sample comes back (unless it was moved since: then both stay).
            Optional<String> crop = last.get().replacedBy().filter(c -> manifest.samples().stream()
                    .anyMatch(e -> e.path().equals(c)));
            String target = freePath(manifest, prefixOf(entry.path()), Split.fromId(entry.split()), entry.label(),
                    fileName(entry.path()));
            ManifestEntry restored = with(entry, target, entry.label(), Split.fromId(entry.split()));
            link(last.get().file(), layout.data().resolve(target));
            List<ManifestEntry> entries = new ArrayList<>(manifest.samples());
            crop.ifPresent(c -> entries.removeIf(e -> e.path().equals(c)));
            entries.add(Math.min(last.get().index(), entries.size()), restored);
            write(manifest, entries, entry.label());
            if (crop.isPresent()) {
                Files.delete(layout.data().resolve(crop.get())); // LittleBrain's own, made from the restored file
            }
            // The sample is back in data/: its copy in the trash and the note about it are LittleBrain's own.
            trash.release(last.get());
            return Optional.of(restored);
        }
    }

    /**
     * Adds {@code file} as a sample of {@code label} in {@code split}, under its own name or, when that is taken, a
     * numbered one; returns its entry.
     *
     * @throws SignalFormatException naming the file when it does not suit the project (kind, rate, axes)
     */
    public synchronized ManifestEntry add(SampleFile file, String label, Split split) throws IOException {
        return add(file, label, split, file.bytes(), fits(file), 0);
    }

    /**
     * Adds the project's window around the word spoken in {@code recording} (as {@code data record} trims a take)
     * as a sample of {@code label} in {@code split}.
     *
     * @throws SignalFormatException naming the file when it is not audio at the project's rate, or no word is heard
     */
    public synchronized ManifestEntry addTrimmed(SampleFile recording, String label, Split split) throws IOException {
        fits(recording);
        Signal signal = WavReader.decode(recording.bytes(), recording.name()).signal();
        int rate = signal.sampleRate();
        WordTrim trim = WordTrim.of(signal.toInt16Values(), rate, input.windowSamples())
                .orElseThrow(() -> new SignalFormatException(recording.name(),
                        "no word heard; speak closer to the microphone or louder"));
        byte[] clip = WavWriter.encode(Signal.fromInt16Values(rate, trim.window()), WavEncoding.PCM_S16);
        return add(recording, label, split, clip, null, -trim.start());
    }

    private ManifestEntry add(SampleFile file, String label, Split split, byte[] bytes, Integer frames,
            int sourceOffset) throws IOException {
        requireLabel(label);
        String name = file.name();
        if (!FILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a usable file name (letters, digits, '_', '-'"
                    + " and '.', no folders)");
        }
        try (ProjectLock lock = lock()) {
            Optional<Manifest> current = manifest();
            if (current.isPresent() && current.get().isSensor() && !current.get().axes().equals(file.axes())) {
                throw new SignalFormatException(name, "has the axes " + file.axes() + " but the project's data has "
                        + current.get().axes());
            }
            Manifest manifest = current.orElseGet(() -> emptyManifest(Optional.of(file)));
            String target = freePath(manifest, prefix(manifest), split, label, name);
            String sha = ContentHash.sha256(bytes);
            writeNew(bytes, target);
            ManifestEntry entry = new ManifestEntry(target, label, split.id(), sha, name,
                    ContentHash.sha256(file.bytes()), null, sourceOffset, null, null, null, null, frames);
            List<ManifestEntry> entries = new ArrayList<>(manifest.samples());
            entries.add(entry);
            write(manifest, entries, label);
            return entry;
        }
    }

    /** Writes {@code bytes} as the new file {@code target} of data/, whole or not at all, never over another. */
    private void writeNew(byte[] bytes, String target) throws IOException {
        Path written = layout.data().resolve(target);
        Path temp = written.resolveSibling("." + fileName(target) + ".upload");
        Files.createDirectories(written.getParent());
        AtomicFiles.write(temp, bytes);
        try {
            link(temp, written);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Checks that {@code file} is what the project's impulse reads; returns its frames when not the window's. */
    private Integer fits(SampleFile file) throws SignalFormatException {
        boolean audioProject = input.modality().isAudio();
        if (audioProject != (file.kind() == SampleKind.AUDIO)) {
            throw new SignalFormatException(file.name(), audioProject
                    ? "is sensor data, but this project's input is audio (a .wav file)"
                    : "is audio, but this project's input is " + input.type() + " (a .csv or .json file)");
        }
        if (Math.abs(file.samplingHz() - input.frequencyHz()) > SAME_RATE_HZ) {
            throw new SignalFormatException(file.name(), "is sampled at " + format(file.samplingHz()) + " Hz but the"
                    + " project's impulse reads " + format(input.frequencyHz()) + " Hz");
        }
        if (audioProject && file.axes().size() != 1) {
            throw new SignalFormatException(file.name(), "has " + file.axes().size() + " channels; the project"
                    + " needs mono audio");
        }
        if (!audioProject && file.axes().size() != input.axes().size()) {
            throw new SignalFormatException(file.name(), "has " + file.axes().size() + " axes " + file.axes()
                    + " but the project's impulse reads " + input.axes().size() + " " + input.axes());
        }
        return file.frames() == input.windowSamples() && audioProject ? null : file.frames();
    }

    private Manifest emptyManifest(Optional<SampleFile> first) {
        int window = input.windowSamples();
        if (input.modality().isAudio()) {
            return new Manifest(Manifest.FORMAT, 1, 0, (int) Math.round(input.frequencyHz()), window, List.of(),
                    List.of());
        }
        List<String> axes = first.map(SampleFile::axes).orElse(input.axes());
        return Manifest.sensor(0, input.frequencyHz(), window, List.of(), List.of(), axes);
    }

    /**
     * Writes the manifest with {@code entries}. Its labels stay the labels of its samples, in their order, as an
     * import writes them (a project without labels in impulse.yaml trains on them): {@code label} is added at the
     * end when new, a label whose last sample moved away or was deleted is dropped.
     */
    private void write(Manifest m, List<ManifestEntry> entries, String label) throws IOException {
        List<String> labels = new ArrayList<>(m.labels());
        if (!labels.contains(label)) {
            labels.add(label);
        }
        labels.removeIf(l -> entries.stream().noneMatch(e -> e.label().equals(l)));
        Files.createDirectories(layout.data());
        new Manifest(m.format(), m.version(), m.seed(), m.sampleRate(), m.windowSamples(), labels, entries, m.kind(),
                m.frequencyHz(), m.axes()).write(manifestFile());
    }

    /** Gives {@code file} the name {@code target} without ever replacing a file there. */
    private static void link(Path file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, file);
        } catch (UnsupportedOperationException noLinks) {
            // A file system without hard links: a copy, which (without REPLACE_EXISTING) never replaces either.
            Files.copy(file, target);
        }
    }

    /** {@code <prefix><split>/<label>/<name>}, numbered ({@code name_2.wav}) when the manifest or a file has it. */
    private String freePath(Manifest manifest, String prefix, Split split, String label, String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            String candidate = prefix + split.id() + "/" + label + "/" + (n == 1 ? name : stem + "_" + n + extension);
            boolean listed = manifest.samples().stream().anyMatch(e -> e.path().equals(candidate));
            if (!listed && !Files.exists(layout.data().resolve(candidate))) {
                return candidate;
            }
        }
    }

    /**
     * Where the split folders lie inside data/: keyword curation writes {@code data/<split>/...}, a sensor import
     * {@code <split>/...}.
     */
    private static String prefix(Manifest manifest) {
        return manifest.isSensor() ? "" : "data/";
    }

    private static String prefixOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? String.join("/", List.of(parts).subList(0, parts.length - 3)) + "/" : "";
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static ManifestEntry with(ManifestEntry e, String path, String label, Split split) {
        return new ManifestEntry(path, label, split.id(), e.sha256(), e.source(), e.sourceSha256(), e.speaker(),
                e.sourceOffset(), e.noiseSource(), e.noiseOffset(), e.noiseGain(), e.speedPercent(), e.frames(),
                e.noiseSnrDb(), e.room());
    }

    private Manifest requireManifest() throws IOException {
        return manifest().orElseThrow(() -> new NoSuchFileException(manifestFile().toString(), null,
                "the project has no data yet"));
    }

    /** The index of {@code path} in the manifest. */
    private static int entry(Manifest manifest, String path) throws NoSuchFileException {
        for (int i = 0; i < manifest.samples().size(); i++) {
            if (manifest.samples().get(i).path().equals(path)) {
                return i;
            }
        }
        throw new NoSuchFileException(path, null, "no such sample in the project's data");
    }

    private static void requireLabel(String label) {
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("'" + label + "' is not a usable label (letters, digits, '_' and '-',"
                    + " at most 64)");
        }
    }

    private ProjectLock lock() throws IOException {
        return ProjectLock.acquire(layout.dir(), "littlebrain studio (data)", notice -> {
        });
    }

    private Path manifestFile() {
        return layout.data().resolve(Manifest.FILE_NAME);
    }

    private static String format(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }
}
