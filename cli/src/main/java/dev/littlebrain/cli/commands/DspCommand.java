package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.features.FileFeatures;
import dev.littlebrain.impulse.features.SingleFileFeatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain dsp BLOCK FILE [--set NAME=VALUE ...] --out OUT.csv [--png OUT.png]}: one DSP
 * block on one file ({@link SingleFileFeatures}).
 */
@Command(name = "dsp", mixinStandardHelpOptions = true,
        description = "Compute features with one DSP block (see BLOCK) for a WAV, CSV or Edge Impulse JSON file.")
public final class DspCommand implements Callable<Integer> {

    /** The block registry's names, for the help and for completion. */
    static final class BlockNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SingleFileFeatures.blockNames().iterator();
        }
    }

    @Parameters(index = "0", paramLabel = "BLOCK", completionCandidates = BlockNames.class,
            description = "The DSP block: ${COMPLETION-CANDIDATES}.")
    String block;

    @Parameters(index = "1", paramLabel = "FILE", description = "A .wav file, or a .csv / .json sensor file.")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "A block parameter with its Edge Impulse name, e.g. --set num_cepstral=13 --set frame_stride=0.02")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "OUT.csv", required = true,
            description = "Features as CSV: one frame per row (one row for spectral-analysis).")
    Path out;

    @Option(names = "--png", paramLabel = "OUT.png", description = "Also draw the feature matrix as an image.")
    Path png;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String name = SingleFileFeatures.block(block).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown block '" + block + "'; choose one of "
                        + String.join(", ", SingleFileFeatures.blockNames())));
        FileFeatures f = SingleFileFeatures.compute(name, file, parameters, out, Optional.ofNullable(png));
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s: %d frames x %d coefficients -> %s%s%n", f.block(), f.frames(), f.coefficients(), f.csv(),
                f.png().map(p -> " and " + p).orElse(""));
        o.flush();
        return 0;
    }
}
