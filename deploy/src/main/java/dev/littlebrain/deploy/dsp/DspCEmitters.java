package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.MfccBlock;
import dev.littlebrain.dsp.blocks.MfeBlock;
import dev.littlebrain.dsp.blocks.RawBlock;
import dev.littlebrain.dsp.blocks.SpectralAnalysisBlock;
import dev.littlebrain.dsp.blocks.SpectrogramBlock;
import dev.littlebrain.dsp.blocks.TrajectoryBlock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The C emitter of every DSP block that exports to C, found by the block's type: a framewise block's row code
 * (streamed frame by frame by {@link DspCGenerator}) or a sensor block's whole-window code
 * ({@link SensorDspCGenerator}). A block that exports to C is one line here and its emitter class.
 */
final class DspCEmitters {

    /** The emitter of one block type; {@code name} is the block's name, for messages. */
    private record Emitter<B extends DspBlock, S>(String name, Class<B> type, Function<B, S> source) {
        Optional<S> of(DspBlock block) {
            return type.isInstance(block) ? Optional.of(source.apply(type.cast(block))) : Optional.empty();
        }
    }

    private static final List<Emitter<?, FrameRowCSource>> FRAMEWISE = List.of(
            new Emitter<>("mfcc", MfccBlock.class, MfccCSource::new),
            new Emitter<>("mfe", MfeBlock.class, MfeCSource::new),
            new Emitter<>("spectrogram", SpectrogramBlock.class, SpectrogramCSource::new));

    private static final List<Emitter<?, SensorBlockCSource>> SENSOR = List.of(
            new Emitter<>("spectral-analysis", SpectralAnalysisBlock.class, SpectralAnalysisCSource::new),
            new Emitter<>("raw", RawBlock.class, RawCSource::new),
            new Emitter<>("trajectory", TrajectoryBlock.class, TrajectoryCSource::new));

    private DspCEmitters() {
    }

    /** The row code of a framewise block that exports to C. */
    static Optional<FrameRowCSource> framewise(DspBlock block) {
        return find(FRAMEWISE, block);
    }

    /** The whole-window code of a sensor block that exports to C. */
    static Optional<SensorBlockCSource> sensor(DspBlock block) {
        return find(SENSOR, block);
    }

    static boolean isSensor(DspBlock block) {
        return SENSOR.stream().anyMatch(e -> e.type().isInstance(block));
    }

    /** Names of the framewise blocks that export to C, in registration order. */
    static List<String> framewiseNames() {
        return FRAMEWISE.stream().map(Emitter::name).toList();
    }

    /** Names of the sensor blocks that export to C, in registration order. */
    static List<String> sensorNames() {
        return SENSOR.stream().map(Emitter::name).toList();
    }

    private static <S> Optional<S> find(List<Emitter<?, S>> emitters, DspBlock block) {
        return emitters.stream().flatMap(e -> e.of(block).stream()).findFirst();
    }
}
