package dev.littlebrain.impulse;

import dev.littlebrain.dsp.blocks.InputKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an impulse listens to or feels ({@code input.type} in impulse.yaml). Code asks a modality what it needs
 * to know (what kind of signal the DSP block gets, how big a window is on the device) instead of comparing its
 * name, so a new sensor modality is one constant here, not an {@code if} in every command.
 */
public enum Modality {
    /** A microphone: int16 samples, one channel, heard as a continuous stream. */
    AUDIO(InputKind.AUDIO, 2),
    /** An accelerometer's axes, float values in its units. */
    ACCELEROMETER(InputKind.SENSOR, 4),
    /** Positions over time (a pen, a glove), float values per axis. */
    TRAJECTORY(InputKind.SENSOR, 4);

    /** Every {@code input.type} an impulse file may name, in this order. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Modality::toString).toList();

    private final InputKind kind;
    private final int bytesPerValue;

    Modality(InputKind kind, int bytesPerValue) {
        this.kind = kind;
        this.bytesPerValue = bytesPerValue;
    }

    /** The modality {@code input.type} names, if it names one. */
    public static Optional<Modality> named(String type) {
        return Arrays.stream(values()).filter(m -> m.toString().equals(type)).findFirst();
    }

    /** The signal its DSP blocks take: audio (a stream of int16 samples: WAV files, a microphone) or sensor axes. */
    public InputKind kind() {
        return kind;
    }

    /** Whether it is sound: recorded from a microphone, tested on long recordings, stored as WAV files. */
    public boolean isAudio() {
        return kind == InputKind.AUDIO;
    }

    /** Bytes of one window the application buffers: {@code samples} values on each of {@code axes} axes. */
    public int windowBytes(int samples, int axes) {
        return samples * bytesPerValue * (kind == InputKind.AUDIO ? 1 : axes);
    }

    /** The name impulse.yaml writes. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
