package dev.littlebrain.studio;

import dev.littlebrain.data.SampleFile;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.dsp.io.SignalFormatException;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.data.ProjectSamples;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Data acquisition (issue 22): the Data page, the project's samples listed a page at a time, each one's audio and
 * preview, relabel / move / crop / delete (into the project's trash) / undo, and uploads of files and browser recordings.
 * Every sample is named by its path inside the project's data folder, checked by {@link ProjectPaths}; the edits are
 * the impulse library's ({@link ProjectSamples}), so the command line sees them as they are made.
 */
final class SamplesApi {
    /** The largest upload: a minute of 16 kHz stereo float WAV is 7.7 MB; a sample is seconds long. */
    static final long UPLOAD_LIMIT_BYTES = 20L * 1024 * 1024;
    private static final long EDIT_LIMIT_BYTES = 4096;
    private static final int DEFAULT_PAGE = 50;
    private static final int LARGEST_PAGE = 500;

    private final Path projectDir;
    private final PreviewCache previews = new PreviewCache(4096);
    private final ManifestCache manifests = new ManifestCache();
    /** Edits one at a time: the page uploads a folder's files one after another, and the project lock is one. */
    private final Object edits = new Object();

    SamplesApi(Path projectDir) {
        this.projectDir = projectDir;
    }

    void register(RouteTable routes) {
        routes.get("/api/samples", guarded(this::list))
                .get("/api/samples/{id...}/audio", guarded(this::audio))
                .get("/api/samples/{id...}/preview", guarded(this::preview))
                .post("/api/samples/upload", guarded(this::upload))
                .post("/api/samples/undo", guarded(this::undo))
                .post("/api/samples/{id...}/crop", guarded(this::crop))
                .put("/api/samples/{id...}", guarded(this::change))
                .delete("/api/samples/{id...}", guarded(this::delete));
    }

    private void list(Exchange ex) throws Exception {
        ProjectSamples samples = samples();
        Optional<String> label = ex.query("label").filter(s -> !s.isEmpty());
        Optional<Split> split = ex.query("split").filter(s -> !s.isEmpty()).map(SamplesApi::split);
        int offset = number(ex, "offset", 0, Integer.MAX_VALUE);
        int limit = number(ex, "limit", DEFAULT_PAGE, LARGEST_PAGE);
        Project project = Project.open(projectDir);
        ImpulseConfig.Input input = project.impulse().input();
        String kind = input.modality().isAudio() ? "audio" : "sensor";
        double window = input.windowMs() / 1000.0;
        Optional<Manifest> manifest = manifests.read(project.layout().data());
        if (manifest.isEmpty()) {
            ex.json(new SamplePage(kind, 0, offset, limit, List.of(), samples.trashed(), List.of(), window));
            return;
        }
        Manifest m = manifest.get();
        List<ManifestEntry> matching = m.samples().stream()
                .filter(e -> label.isEmpty() || e.label().equals(label.get()))
                .filter(e -> split.isEmpty() || e.split().equals(split.get().id())).toList();
        List<SampleRow> page = matching.stream().skip(offset).limit(limit).map(e -> SampleRow.of(m, e)).toList();
        ex.json(new SamplePage(kind, matching.size(), offset, limit, m.labels(), samples.trashed(), page, window));
    }

    private void audio(Exchange ex) throws Exception {
        Path file = readableSample(ex);
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav")) {
            throw StudioException.badRequest(ex.parameter("id") + " is sensor data; it has no audio to play");
        }
        ex.bytes(200, "audio/wav", Files.readAllBytes(file));
    }

    private void preview(Exchange ex) throws Exception {
        ex.json(previews.get(ex.parameter("id"), readableSample(ex)));
    }

    private void change(Exchange ex) throws Exception {
        String id = ex.parameter("id");
        SampleChange change = ex.bodyJson(SampleChange.class, EDIT_LIMIT_BYTES);
        synchronized (edits) {
            ProjectSamples samples = samples();
            sampleFile(ex);
            Manifest m = samples.manifest().orElseThrow();
            ManifestEntry now = m.samples().stream().filter(e -> e.path().equals(id)).findFirst().orElseThrow();
            ManifestEntry moved = samples.move(id, change.label().orElse(now.label()),
                    split(change.split().orElse(now.split())));
            ex.json(SampleRow.of(samples.manifest().orElseThrow(), moved));
        }
    }

    private void delete(Exchange ex) throws Exception {
        synchronized (edits) {
            ProjectSamples samples = samples();
            sampleFile(ex);
            Manifest before = samples.manifest().orElseThrow();
            ex.json(SampleRow.of(before, samples.trash(ex.parameter("id"))));
        }
    }

    /**
     * {@code POST /api/samples/{id}/crop {"start_ms": 250, "end_ms": 1250}}: the span replaces the sample (a new
     * file beside it; the original to the trash, which undo brings back, taking the crop out again).
     */
    private void crop(Exchange ex) throws Exception {
        SampleSpan span = ex.bodyJson(SampleSpan.class, EDIT_LIMIT_BYTES);
        if (span == null || span.startMs() == null || span.endMs() == null) {
            throw StudioException.badRequest("say which span to keep: {\"start_ms\": 250, \"end_ms\": 1250}");
        }
        synchronized (edits) {
            ProjectSamples samples = samples();
            sampleFile(ex);
            ManifestEntry cropped = samples.crop(ex.parameter("id"), span.startMs(), span.endMs());
            ex.json(SampleRow.of(samples.manifest().orElseThrow(), cropped));
        }
    }

    private void undo(Exchange ex) throws Exception {
        synchronized (edits) {
            ProjectSamples samples = samples();
            ManifestEntry restored = samples.undoTrash()
                    .orElseThrow(() -> StudioException.conflict("nothing to undo: no sample was deleted"));
            ex.json(SampleRow.of(samples.manifest().orElseThrow(), restored));
        }
    }

    /**
     * {@code POST /api/samples/upload?label=&split=&name=[&trim=true]} with the file as the body; {@code trim}
     * keeps the window around the spoken word (a browser recording).
     */
    private void upload(Exchange ex) throws Exception {
        String label = ex.query("label").filter(s -> !s.isEmpty())
                .orElseThrow(() -> StudioException.badRequest("an upload needs ?label="));
        String name = ex.query("name").filter(s -> !s.isEmpty())
                .orElseThrow(() -> StudioException.badRequest("an upload needs ?name= (the file's name)"));
        Split split = split(ex.query("split").filter(s -> !s.isEmpty()).orElse(Split.TRAIN.id()));
        boolean trim = ex.query("trim").map(Boolean::parseBoolean).orElse(false);
        byte[] body = ex.body(UPLOAD_LIMIT_BYTES);
        SampleFile file = SampleFile.check(name, body);
        synchronized (edits) {
            ProjectSamples samples = samples();
            ManifestEntry added = trim ? samples.addTrimmed(file, label, split) : samples.add(file, label, split);
            ex.json(201, SampleRow.of(samples.manifest().orElseThrow(), added));
        }
    }

    /** The file of the sample the route names: inside the data folder (else 400) and listed (else 404). */
    private Path sampleFile(Exchange ex) throws Exception {
        String id = ex.parameter("id");
        new ProjectPaths(Project.open(projectDir).layout().data()).resolve(id);
        return samples().file(id);
    }

    /**
     * The sample file the route names, for reading: inside the data folder (else 400), a sample file that is there
     * (else 404). Not looked up in the manifest: a page shows 50 previews at once, and a manifest of thousands of
     * samples is not read 50 times for them.
     */
    private Path readableSample(Exchange ex) throws Exception {
        String id = ex.parameter("id");
        Path file = new ProjectPaths(Project.open(projectDir).layout().data()).resolve(id);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!Files.isRegularFile(file) || name.startsWith(".") || name.equals(Manifest.FILE_NAME)
                || SampleFile.EXTENSIONS.stream().noneMatch(name::endsWith)) {
            throw StudioException.notFound(id + ": no such sample in the project's data");
        }
        return file;
    }

    private ProjectSamples samples() throws java.io.IOException {
        return ProjectSamples.of(Project.open(projectDir));
    }

    private static Split split(String id) {
        try {
            return Split.fromId(id);
        } catch (IllegalArgumentException e) {
            throw StudioException.badRequest(e.getMessage());
        }
    }

    private static int number(Exchange ex, String name, int otherwise, int largest) {
        Optional<String> text = ex.query(name).filter(s -> !s.isEmpty());
        try {
            int value = text.map(Integer::parseInt).orElse(otherwise);
            if (value < 0 || value > largest) {
                throw StudioException.badRequest(name + " must be 0 to " + largest + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw StudioException.badRequest(name + " must be a whole number, got '" + text.orElse("") + "'");
        }
    }

    /**
     * The library's refusals as the one-line 4xx a page shows: a file that does not read or suit the project, a
     * bad label (400); a sample that is not there (404); the project busy with another command (409).
     */
    private static Endpoint guarded(Endpoint endpoint) {
        return ex -> {
            try {
                endpoint.handle(ex);
            } catch (SignalFormatException | IllegalArgumentException e) {
                throw StudioException.badRequest(e.getMessage());
            } catch (NoSuchFileException e) {
                throw StudioException.notFound(e.getMessage());
            } catch (ProjectLock.ProjectInUseException e) {
                throw StudioException.conflict(e.getMessage());
            }
        };
    }
}
