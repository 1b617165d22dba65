package dev.littlebrain.studio;

import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.ImportSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@code import} job: a dataset folder on this machine read into the project's data/ as {@code data import
 * --keywords ... --out data} does, by the library's importers and curation. What can be checked before the job is
 * queued is (a 400 naming the problem); what only reading the files shows ends the job as failed with the library's
 * one line.
 *
 * @param source the dataset folder, absolute; read, never written
 * @param plan   the library's plan: curation for an audio project, sensor samples as they are otherwise
 */
record ImportJob(Path source, ImportPlan plan) {
    /** The options an import job takes: those of {@code data import} that the Data page offers. */
    static final List<String> OPTIONS = List.of("source", "keywords", "unknown", "noise", "bundled", "stream_seconds",
            "training_copies", "seed");
    /** The options that only keyword curation reads. */
    private static final Set<String> CURATION_OPTIONS = Set.of("keywords", "unknown", "noise", "bundled",
            "stream_seconds", "training_copies", "seed");

    /** The job {@code given} (options checked by {@link JobPlan}) asks for on {@code project}. */
    static ImportJob of(Map<String, Object> given, Project project) throws IOException {
        if (!given.containsKey("source")) {
            throw StudioException.badRequest("name the dataset folder to import: {\"source\": \"/path/to/dataset\"}");
        }
        Path source = DatasetFolders.folder((String) given.get("source"));
        refuseProjectFolder(source, project.layout().dir());
        if (!project.impulse().input().modality().isAudio()) {
            for (String option : OPTIONS) {
                if (CURATION_OPTIONS.contains(option) && given.containsKey(option)) {
                    throw StudioException.badRequest(option + " is for keyword curation, and this is a sensor project:"
                            + " its samples are imported as they are");
                }
            }
            return new ImportJob(source, ImportPlan.asIs());
        }
        @SuppressWarnings("unchecked")
        List<String> keywords = (List<String>) given.getOrDefault("keywords", List.of());
        if (keywords.isEmpty()) {
            throw StudioException.badRequest("name the keywords to curate (e.g. yes, no): audio reaches a project"
                    + " through keyword curation");
        }
        DatasetFolders.requireKeywords(source, keywords);
        return new ImportJob(source, ImportPlan.keywordSpotting(curation(keywords, given))
                .withBundled(flag(given, "bundled")));
    }

    /**
     * The library's import, as {@code data import} runs it into the project's data/.
     *
     * @throws IOException when a sensor project's import found audio: the library only lists audio it does not
     *                     curate, so nothing was written, which the job says rather than reporting a success
     */
    Object run(Project project, Progress progress) throws IOException {
        ImportSummary summary = project.importData(source, plan, progress);
        if (summary.outcome() == ImportSummary.Outcome.LISTED) {
            throw new IOException(source + " holds audio clips (" + summary.samples() + "), and this is a sensor"
                    + " project: nothing was imported");
        }
        return ImportReport.of(summary);
    }

    /** {@code data import}'s options as its {@code KwsOptions.toOptions} maps them, the rest at their defaults. */
    private static KwsCurationOptions curation(List<String> keywords, Map<String, Object> given) {
        boolean bundled = flag(given, "bundled");
        boolean noise = flag(given, "noise") || bundled;
        try {
            KwsCurationOptions d = KwsCurationOptions.defaults(keywords);
            return d.withClasses(flag(given, "unknown") || bundled, noise)
                    .withNoiseMixing(d.noiseProbability(), d.noiseMinGainDb(), d.noiseMaxGainDb(),
                            noise ? d.noiseSplits() : Set.of())
                    .withTrainingAugmentation((Integer) given.getOrDefault("training_copies",
                            KwsCurationOptions.DEFAULT_TRAINING_COPIES), d.trainingShiftMs())
                    .withTrainingStreamSeconds((Integer) given.getOrDefault("stream_seconds",
                            KwsCurationOptions.DEFAULT_TRAINING_STREAM_SECONDS))
                    .withSeed((Long) given.getOrDefault("seed", 1L));
        } catch (IllegalArgumentException e) {
            throw StudioException.badRequest(e.getMessage());
        }
    }

    private static boolean flag(Map<String, Object> given, String name) {
        return (Boolean) given.getOrDefault(name, false);
    }

    /** Reading the project into itself would import its own data (and, inside data/, be replaced mid-read). */
    private static void refuseProjectFolder(Path source, Path projectDir) throws IOException {
        Path project = projectDir.toRealPath();
        if (source.startsWith(project)) {
            throw StudioException.badRequest(source + " is " + (source.equals(project) ? "this project's folder"
                    : "inside this project's folder") + ": name a dataset folder outside it");
        }
        if (project.startsWith(source)) {
            throw StudioException.badRequest(source + " holds this project's folder: name the dataset folder itself");
        }
    }
}
