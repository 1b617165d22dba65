package dev.littlebrain.cli.commands;

import dev.littlebrain.data.viz.FeatureMatrixImage;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.FeatureShape;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.files.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain dsp BLOCK FILE [--set NAME=VALUE ...] --out OUT.csv [--png OUT.png]}: one DSP
 * block on one file. Audio (WAV) is passed to the blocks as int16 sample values, as Edge Impulse
 * Studio does; sensor files (CSV, Edge Impulse JSON) in their own units, axes interleaved.
 */
@Command(name = "dsp", mixinStandardHelpOptions = true,
        description = "Compute features with one DSP block (raw, spectrogram, mfe, mfcc, spectral-analysis) for a WAV,"
                + " CSV or Edge Impulse JSON file.")
public final class DspCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BLOCK", description = "raw, spectrogram, mfe, mfcc or spectral-analysis")
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
        String blockName = block.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!DspBlocks.NAMES.contains(blockName)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown block '" + block + "'; choose one of "
                    + String.join(", ", DspBlocks.NAMES));
        }
        Input input = read(file);
        DspBlock dsp = DspBlocks.create(blockName, input.spec(), parameters);
        int samplesPerAxis = input.values().length / input.spec().axisCount();
        FeatureShape shape = dsp.outputShape(samplesPerAxis);
        float[] features = dsp.process(input.values());
        AtomicFiles.write(out, csv(features, shape).getBytes(StandardCharsets.UTF_8));
        if (png != null) {
            double frameStep = dsp instanceof dev.littlebrain.dsp.blocks.FramewiseBlock f
                    ? f.framing().stride() / input.spec().samplingFrequency() : 0;
            new FeatureMatrixImage(dsp.name() + " of " + file.getFileName(), frameStep, rowName(dsp.name()))
                    .writePng(features, shape.frames(), shape.coefficients(), png);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s: %d frames x %d coefficients -> %s%s%n", dsp.name(), shape.frames(), shape.coefficients(), out,
                png == null ? "" : " and " + png);
        o.flush();
        return 0;
    }

    /** What one coefficient of a block's frame is, for the chart's axis. */
    private static String rowName(String block) {
        return switch (block) {
            case "mfcc" -> "cepstral coefficient";
            case "mfe" -> "mel filter";
            case "spectrogram" -> "frequency bin";
            default -> "feature";
        };
    }

    private record Input(SignalSpec spec, float[] values) {
    }

    private static Input read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wav")) {
            Signal mono = WavReader.read(file).signal().toMono();
            return new Input(SignalSpec.audio(mono.sampleRate()), mono.toInt16Values());
        }
        SensorSeries series;
        if (name.endsWith(".csv")) {
            series = SensorCsv.read(file);
        } else if (name.endsWith(".json") || name.endsWith(".cbor")) {
            series = EdgeImpulseJson.read(file);
        } else {
            throw new IllegalArgumentException(file + ": unknown file type; expected .wav, .csv or .json");
        }
        return new Input(new SignalSpec(series.frequencyHz(), series.axes()), series.interleaved());
    }

    private static String csv(float[] features, FeatureShape shape) {
        StringBuilder b = new StringBuilder(features.length * 12);
        for (int t = 0; t < shape.frames(); t++) {
            for (int c = 0; c < shape.coefficients(); c++) {
                if (c > 0) {
                    b.append(',');
                }
                b.append(features[t * shape.coefficients() + c]);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
