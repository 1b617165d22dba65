package dev.littlebrain.dsp.blocks;

import static dev.littlebrain.dsp.blocks.InputKind.AUDIO;
import static dev.littlebrain.dsp.blocks.InputKind.SENSOR;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The DSP blocks, by name: each block's type (its parameter schema) and how to build it from string parameters
 * (as found in an impulse file). A new block is one entry here (its config and block classes beside it) and its C
 * emitter in {@code deploy}.
 */
public final class DspBlocks {

    /** One block: its descriptor, and its config parser and constructor. */
    private record Entry<C extends Record>(DspBlockType type, Function<Map<String, String>, C> config,
                                           BiFunction<C, SignalSpec, DspBlock> block) {
        DspBlock create(SignalSpec signal, Map<String, String> parameters) {
            return block.apply(config.apply(parameters), signal);
        }
    }

    private static final List<Entry<?>> ENTRIES = List.of(
            new Entry<>(new DspBlockType(RawConfig.BLOCK, "Raw data", Set.of(AUDIO, SENSOR), RawConfig.PARAMETERS),
                    RawConfig::fromParameters, RawBlock::new),
            new Entry<>(new DspBlockType(SpectrogramConfig.BLOCK, "Spectrogram", Set.of(AUDIO),
                    SpectrogramConfig.PARAMETERS), SpectrogramConfig::fromParameters, SpectrogramBlock::new),
            new Entry<>(new DspBlockType(MfeConfig.BLOCK, "Audio (MFE): mel filterbank energies", Set.of(AUDIO),
                    MfeConfig.PARAMETERS), MfeConfig::fromParameters, MfeBlock::new),
            new Entry<>(new DspBlockType(MfccConfig.BLOCK, "Audio (MFCC): mel-frequency cepstral coefficients",
                    Set.of(AUDIO), MfccConfig.PARAMETERS), MfccConfig::fromParameters, MfccBlock::new),
            new Entry<>(new DspBlockType(SpectralAnalysisConfig.BLOCK, "Spectral analysis: per-axis statistics and spectral power", Set.of(SENSOR),
                    SpectralAnalysisConfig.PARAMETERS), SpectralAnalysisConfig::fromParameters,
                    SpectralAnalysisBlock::new),
            new Entry<>(new DspBlockType(LibrosaMelConfig.BLOCK, "Mel spectrogram as librosa computes it",
                    Set.of(AUDIO), LibrosaMelConfig.PARAMETERS), LibrosaMelConfig::fromParameters,
                    LibrosaMelBlock::new),
            new Entry<>(new DspBlockType(TrajectoryConfig.BLOCK, "Trajectory: a drawn path resampled by arc length",
                    Set.of(SENSOR), TrajectoryConfig.PARAMETERS), TrajectoryConfig::fromParameters,
                    TrajectoryBlock::new));

    /** Names accepted by {@link #create}. */
    public static final List<String> NAMES = ENTRIES.stream().map(e -> e.type().name()).toList();

    private DspBlocks() {
    }

    /** Every DSP block's type, in the order of {@link #NAMES}. */
    public static List<DspBlockType> types() {
        return ENTRIES.stream().map(Entry::type).toList();
    }

    /** The type of the block {@code name} (as {@link #create} takes it), if there is one. */
    public static Optional<DspBlockType> type(String name) {
        return entry(name).map(Entry::type);
    }

    /**
     * @param name       raw, spectrogram, mfe, mfcc or spectral-analysis ({@code spectral_analysis} also
     *                   accepted), librosa-mel (not an Edge Impulse block; librosa parameter names), or trajectory
     *                   (a drawn path resampled by arc length; LittleBrain's own)
     * @param signal     sampling frequency and axes of the input
     * @param parameters Edge Impulse parameter names to values; absent names take the defaults
     * @throws InvalidParameterException for an unknown or out-of-range parameter, naming it
     * @throws IllegalArgumentException  for an unknown block name or an unsuitable signal
     */
    public static DspBlock create(String name, SignalSpec signal, Map<String, String> parameters) {
        return entry(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown DSP block '" + name + "'; known blocks are "
                        + NAMES))
                .create(signal, parameters);
    }

    private static Optional<Entry<?>> entry(String name) {
        // Edge Impulse writes spectral_analysis in some exports.
        String canonical = name.equals("spectral_analysis") ? SpectralAnalysisConfig.BLOCK : name;
        return ENTRIES.stream().filter(e -> e.type().name().equals(canonical)).findFirst();
    }
}
