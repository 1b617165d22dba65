package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of a librosa-compatible mel spectrogram ({@code librosa.feature.melspectrogram} with
 * {@code center=False}, periodic Hann window, {@code htk=False, norm='slaney'}), optionally followed
 * by {@code power_to_db(ref=1, amin=1e-10, top_db=None)} and {@code librosa.feature.mfcc}.
 * Names follow librosa.
 *
 * @param nFft       {@code n_fft} (512)
 * @param hopLength  {@code hop_length} (320)
 * @param winLength  {@code win_length}, Hann length, centred in the FFT frame (480)
 * @param nMels      {@code n_mels} (40)
 * @param fmin       {@code fmin} in Hz (20)
 * @param fmax       {@code fmax} in Hz, 0 = fs/2 (4000)
 * @param output     {@code output}: power, db or mfcc (db)
 * @param nMfcc      {@code n_mfcc}, with output mfcc (13)
 */
public record LibrosaMelConfig(int nFft, int hopLength, int winLength, int nMels, double fmin, double fmax,
                               Output output, int nMfcc) {

    /** What the block returns per frame. */
    public enum Output { POWER, DB, MFCC }

    static final String BLOCK = "librosa-mel";
    private static final ParameterSpec N_FFT = ParameterSpec.integer("n_fft", 512, 8, 65536, "FFT points");
    private static final ParameterSpec HOP_LENGTH = ParameterSpec.integer("hop_length", 320, 1, 1 << 20,
            "samples between frames");
    private static final ParameterSpec WIN_LENGTH = ParameterSpec.integer("win_length", 480, 1, 65536,
            "Hann window length, centred in the FFT frame; at most n_fft");
    private static final ParameterSpec N_MELS = ParameterSpec.integer("n_mels", 40, 1, 512, "mel bands");
    private static final ParameterSpec FMIN = ParameterSpec.number("fmin", 20, 0, 1e6, "lowest mel edge in Hz");
    private static final ParameterSpec FMAX = ParameterSpec.number("fmax", 4000, 0, 1e6,
            "highest mel edge in Hz, above fmin; 0: half the sampling frequency");
    private static final ParameterSpec OUTPUT = ParameterSpec.select("output", "db", List.of("power", "db", "mfcc"),
            "what each frame gives: mel power, its dB, or MFCCs of the dB");
    private static final ParameterSpec N_MFCC = ParameterSpec.integer("n_mfcc", 13, 1, 512,
            "MFCCs per frame with output mfcc; at most n_mels");
    /** Every parameter, in librosa's order. */
    static final List<ParameterSpec> PARAMETERS = List.of(N_FFT, HOP_LENGTH, WIN_LENGTH, N_MELS, FMIN, FMAX, OUTPUT,
            N_MFCC);

    public LibrosaMelConfig {
        N_FFT.check(BLOCK, nFft);
        HOP_LENGTH.check(BLOCK, hopLength);
        ParameterChecks.inRange(BLOCK, "win_length", winLength, 1, nFft);
        N_MELS.check(BLOCK, nMels);
        FMIN.check(BLOCK, fmin);
        FMAX.check(BLOCK, fmax);
        if (fmax != 0 && fmax <= fmin) {
            throw new InvalidParameterException(BLOCK, "fmax", fmax, "must be above fmin (" + fmin + " Hz) or 0");
        }
        if (output == null) {
            throw new InvalidParameterException(BLOCK, "output", null, "allowed values are [db, mfcc, power]");
        }
        ParameterChecks.inRange(BLOCK, "n_mfcc", nMfcc, 1, nMels);
    }

    public static LibrosaMelConfig defaults() {
        return fromParameters(Map.of());
    }

    public static LibrosaMelConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        String output = p.choice(OUTPUT);
        return new LibrosaMelConfig(
                p.integer(N_FFT),
                p.integer(HOP_LENGTH),
                p.integer(WIN_LENGTH),
                p.integer(N_MELS),
                p.number(FMIN),
                p.number(FMAX),
                Output.valueOf(output.toUpperCase(Locale.ROOT)),
                p.integer(N_MFCC));
    }
}
