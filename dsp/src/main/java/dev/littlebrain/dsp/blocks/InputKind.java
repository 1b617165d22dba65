package dev.littlebrain.dsp.blocks;

import java.util.Locale;

/** What a block takes: audio (int16 sample values, one axis) or sensor axes (floats in the sensor's units). */
public enum InputKind {
    AUDIO, SENSOR;

    /** Lower case, as in a schema file. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
