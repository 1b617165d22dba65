package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.features.FeatureSummary;
import dev.littlebrain.impulse.report.WorkflowText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain features}: runs a DSP block over every sample of a curated dataset, on all cores,
 * caching each sample's features by (content hash, block configuration) so a re-run only computes
 * what changed.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Compute (and cache) DSP features for every sample of a curated dataset.")
public final class FeaturesCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ProjectLayout.DATA,
            description = "Curated dataset folder with manifest.json (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--block", defaultValue = "mfcc", description = "DSP block (default: ${DEFAULT-VALUE}).")
    String block;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A block parameter (Edge Impulse names).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = ProjectLayout.FEATURE_CACHE,
            description = "Feature cache folder (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--project", paramLabel = "DIR",
            description = "Impulse project folder (default: the current directory when it has impulse.yaml);"
                    + " its DSP block, parameters, data/ and cache/features are used.")
    Path project;

    @Spec
    CommandSpec spec;

    /** A project's impulse.yaml names the block, its parameters and the folders: a flag that would be ignored is refused. */
    private void refuseOptionsTheProjectDecides(ImpulseProject p) {
        List<String> given = java.util.stream.Stream.of("--block", "--set", "--data", "--cache")
                .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.join(", ", given)
                    + (given.size() == 1 ? " does" : " do") + " not apply inside a project: " + p.layout().config()
                    + " sets the DSP block and its parameters (dsp:), and the project's data/ and cache/ are used;"
                    + " edit impulse.yaml, or run outside the project without --project");
        }
    }

    @Override
    public Integer call() throws IOException {
        // A writing command: one at a time per project.
        return CommandLock.holding(ImpulseProject.find(project).map(ImpulseProject::dir), spec, this::callLocked);
    }

    private int callLocked() throws IOException {
        java.util.Optional<ImpulseProject> impulse = ImpulseProject.find(project);
        if (impulse.isPresent()) {
            refuseOptionsTheProjectDecides(impulse.get());
            WorkflowText.printFeatures(Project.open(impulse.get().dir()).computeFeatures(new TerminalProgress()),
                    spec.commandLine().getOut());
        } else {
            WorkflowText.printFeatures(FeatureSummary.computeForDataset(data, block, parameters, cache,
                    new TerminalProgress()), spec.commandLine().getOut());
        }
        return 0;
    }
}
