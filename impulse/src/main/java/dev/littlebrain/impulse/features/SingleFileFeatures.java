package dev.littlebrain.impulse.features;

import dev.littlebrain.data.viz.FeatureMatrixImage;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlockType;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.FeatureShape;
import dev.littlebrain.dsp.blocks.FramewiseBlock;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One DSP block on one file, without a project: audio (WAV) is passed to the block as int16 sample values, as Edge
 * Impulse Studio does; sensor files (CSV, Edge Impulse JSON) in their own units, axes interleaved.
 */
public final class SingleFileFeatures {
    private SingleFileFeatures() {
    }

    /** The DSP blocks' names, in the registry's order. */
    public static List<String> blockNames() {
        return DspBlocks.types().stream().map(DspBlockType::name).toList();
    }

    /** The registry's block that {@code typed} names, in any case and with {@code _} for {@code -}. */
    public static Optional<String> block(String typed) {
        String name = typed.toLowerCase(Locale.ROOT).replace('_', '-');
        return blockNames().contains(name) ? Optional.of(name) : Optional.empty();
    }

    /**
     * Runs {@code block} with {@code parameters} (Edge Impulse names) over {@code file} and writes the features to
     * {@code csv} and, when given, their matrix as an image to {@code png}; nothing is written when the file or a
     * parameter is bad.
     */
    public static FileFeatures compute(String block, Path file, Map<String, String> parameters, Path csv,
            Optional<Path> png) throws IOException {
        Input input = read(file);
        DspBlock dsp = DspBlocks.create(block, input.spec(), parameters);
        int samplesPerAxis = input.values().length / input.spec().axisCount();
        FeatureShape shape = dsp.outputShape(samplesPerAxis);
        float[] features = dsp.process(input.values());
        AtomicFiles.write(csv, csv(features, shape).getBytes(StandardCharsets.UTF_8));
        if (png.isPresent()) {
            double frameStep = dsp instanceof FramewiseBlock f
                    ? f.framing().stride() / input.spec().samplingFrequency() : 0;
            new FeatureMatrixImage(dsp.name() + " of " + file.getFileName(), frameStep, rowName(dsp.name()))
                    .writePng(features, shape.frames(), shape.coefficients(), png.get());
        }
        return new FileFeatures(dsp.name(), shape.frames(), shape.coefficients(), csv, png);
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
