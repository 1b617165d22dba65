package dev.littlebrain.dsp.blocks;

import java.util.Map;
import java.util.Set;

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
    static final Set<String> PARAMETERS = Set.of("n_fft", "hop_length", "win_length", "n_mels", "fmin", "fmax",
            "output", "n_mfcc");

    public LibrosaMelConfig {
        ParameterChecks.inRange(BLOCK, "n_fft", nFft, 8, 65536);
        ParameterChecks.inRange(BLOCK, "hop_length", hopLength, 1, 1 << 20);
        ParameterChecks.inRange(BLOCK, "win_length", winLength, 1, nFft);
        ParameterChecks.inRange(BLOCK, "n_mels", nMels, 1, 512);
        ParameterChecks.inRange(BLOCK, "fmin", fmin, 0.0, 1e6);
        ParameterChecks.inRange(BLOCK, "fmax", fmax, 0.0, 1e6);
        if (fmax != 0 && fmax <= fmin) {
            throw new InvalidParameterException(BLOCK, "fmax", fmax, "must be above fmin (" + fmin + " Hz) or 0");
        }
        if (output == null) {
            throw new InvalidParameterException(BLOCK, "output", null, "allowed values are [db, mfcc, power]");
        }
        ParameterChecks.inRange(BLOCK, "n_mfcc", nMfcc, 1, nMels);
    }

    public static LibrosaMelConfig defaults() {
        return new LibrosaMelConfig(512, 320, 480, 40, 20, 4000, Output.DB, 13);
    }

    public static LibrosaMelConfig fromParameters(Map<String, String> parameters) {
        LibrosaMelConfig d = defaults();
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        String output = p.choice("output", "db", Set.of("power", "db", "mfcc"));
        return new LibrosaMelConfig(
                p.integer("n_fft", d.nFft()),
                p.integer("hop_length", d.hopLength()),
                p.integer("win_length", d.winLength()),
                p.integer("n_mels", d.nMels()),
                p.number("fmin", d.fmin()),
                p.number("fmax", d.fmax()),
                Output.valueOf(output.toUpperCase(java.util.Locale.ROOT)),
                p.integer("n_mfcc", d.nMfcc()));
    }
}
