package dev.littlebrain.dsp.blocks;

import java.util.List;

/**
 * The parameters the Edge Impulse audio blocks (spectrogram, MFE, MFCC) share: framing, FFT length, mel range and
 * noise floor. Each block keeps its own default (MFE frames every 10 ms, MFCC every 20 ms); the name, range and
 * help text are written once here, so the blocks' schemas cannot drift apart.
 */
final class AudioFramingSpecs {
    private AudioFramingSpecs() {
    }

    static ParameterSpec frameLength(double defaultSeconds) {
        return ParameterSpec.positiveNumber("frame_length", defaultSeconds, 10.0, "frame length in seconds");
    }

    static ParameterSpec frameStride(double defaultSeconds) {
        return ParameterSpec.positiveNumber("frame_stride", defaultSeconds, 10.0, "step between frames in seconds");
    }

    static ParameterSpec fftLength(int defaultPoints) {
        return ParameterSpec.integer("fft_length", defaultPoints, 8, 65536,
                "FFT points; frames are cropped or zero-padded to it");
    }

    static ParameterSpec numFilters(int defaultFilters) {
        return ParameterSpec.integer("num_filters", defaultFilters, 2, 512, "mel filters");
    }

    static ParameterSpec lowFrequency() {
        return ParameterSpec.number("low_frequency", 0, 0, 1e6, "lowest mel edge in Hz");
    }

    static ParameterSpec highFrequency() {
        return ParameterSpec.number("high_frequency", 0, 0, 1e6,
                "highest mel edge in Hz, up to half the sampling frequency; 0: half the sampling frequency");
    }

    /** Versions 3 and 4 of the mel blocks differ in how mel edges map to FFT bins. */
    static ParameterSpec melImplementationVersion() {
        return ParameterSpec.integerOf("implementation_version", 4, List.of(3, 4),
                "4, or 3 (the old mel bin mapping)");
    }

    static ParameterSpec noiseFloorDb(String help) {
        return ParameterSpec.number("noise_floor_db", -52, -200, 0, help);
    }
}
