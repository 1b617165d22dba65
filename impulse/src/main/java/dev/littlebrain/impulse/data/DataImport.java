package dev.littlebrain.impulse.data;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.data.curate.CurationResult;
import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.data.curate.KwsCurator;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.SensorDatasetWriter;
import dev.littlebrain.data.output.ReplaceableFolder;
import dev.littlebrain.data.stats.DatasetStats;
import dev.littlebrain.impulse.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code data import}'s work: a dataset folder read, then curated or copied into a curated folder. The folder is
 * written aside and swapped in whole ({@link dev.littlebrain.files.StagedFolder}), so an import that fails or is killed
 * leaves the previous data in place; only a folder LittleBrain wrote, or an empty one, is ever replaced.
 */
public final class DataImport {
    private DataImport() {
    }

    /**
     * Imports {@code source} into {@code out} as {@code plan} says. Progress stages: "import" (reading), then
     * "bundled" and "curate", or "copy".
     *
     * @throws NothingToImportException when no sample of {@code source} could be read
     * @throws dev.littlebrain.data.DatasetException when {@code out} holds files LittleBrain did not write, or is
     *                                               the source
     */
    public static ImportSummary run(Path source, Path out, ImportPlan plan, Progress progress) throws IOException {
        if (plan.curation().isPresent()) {
            return curate(source, out, plan, plan.curation().get(), progress);
        }
        ImportResult imported = Datasets.read(source, progress);
        List<dev.littlebrain.data.Sample> samples = imported.dataset().samples();
        if (samples.isEmpty()) {
            throw new NothingToImportException(source, imported.skipped());
        }
        if (samples.stream().allMatch(s -> s.kind() == SampleKind.SENSOR)) {
            progress.stage("copy");
            Manifest written = SensorDatasetWriter.write(imported.dataset(), out, progress.listener());
            List<ImportSummary.ShortSample> shorter = written.samples().stream()
                    .filter(e -> e.frames() != null && e.frames() < written.windowSamples())
                    .map(e -> new ImportSummary.ShortSample(e.path(), e.frames() / written.samplingHz())).toList();
            return new ImportSummary(ImportSummary.Outcome.COPIED, source, out, written.samples().size(),
                    DatasetStats.of(written.toDataset(out)), imported.skipped(), List.of(), written.axes(),
                    written.samplingHz(), written.windowSamples() / written.samplingHz(), shorter);
        }
        return new ImportSummary(ImportSummary.Outcome.LISTED, source, out, samples.size(),
                DatasetStats.of(imported.dataset()), imported.skipped(), List.of(), List.of(), 0, 0, List.of());
    }

    private static ImportSummary curate(Path source, Path out, ImportPlan plan, KwsCurationOptions options,
            Progress progress) throws IOException {
        if (Files.isDirectory(source)) { // refused before a long import, not after
            ReplaceableFolder.require(out, Optional.of(source), Manifest.RECORD);
        }
        ImportResult imported = Datasets.read(source, progress);
        Dataset dataset = imported.dataset();
        if (plan.bundled()) {
            progress.stage("bundled");
            dataset = BundledMaterial.addTo(dataset, options.keywords(), progress.listener());
        }
        if (plan.validationFold().isPresent()) {
            dataset = plan.validationFold().get().applyTo(dataset);
        }
        progress.stage("curate");
        CurationResult result = KwsCurator.curate(dataset, options, out, progress.listener());
        Dataset curated = result.manifest().toDataset(result.folder());
        return new ImportSummary(ImportSummary.Outcome.CURATED, source, result.folder(), curated.samples().size(),
                DatasetStats.of(curated), imported.skipped(), result.warnings(), List.of(), 0, 0, List.of());
    }
}
