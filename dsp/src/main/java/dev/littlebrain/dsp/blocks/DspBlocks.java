package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Map;

/** Creates blocks by their Edge Impulse name from string parameters (as found in an impulse file). */
public final class DspBlocks {
    /** Names accepted by {@link #create}. */
    public static final List<String> NAMES =
            List.of("raw", "spectrogram", "mfe", "mfcc", "spectral-analysis", "librosa-mel", "trajectory");

    private DspBlocks() {
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
        switch (name) {
            case "raw":
                return new RawBlock(RawConfig.fromParameters(parameters), signal);
            case "spectrogram":
                return new SpectrogramBlock(SpectrogramConfig.fromParameters(parameters), signal);
            case "mfe":
                return new MfeBlock(MfeConfig.fromParameters(parameters), signal);
            case "mfcc":
                return new MfccBlock(MfccConfig.fromParameters(parameters), signal);
            case "spectral-analysis":
            case "spectral_analysis":
                return new SpectralAnalysisBlock(SpectralAnalysisConfig.fromParameters(parameters), signal);
            case "librosa-mel":
                return new LibrosaMelBlock(LibrosaMelConfig.fromParameters(parameters), signal);
            case "trajectory":
                return new TrajectoryBlock(TrajectoryConfig.fromParameters(parameters), signal);
            default:
                throw new IllegalArgumentException("unknown DSP block '" + name + "'; known blocks are " + NAMES);
        }
    }
}
