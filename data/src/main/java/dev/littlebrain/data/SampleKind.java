package dev.littlebrain.data;

/** What a sample file holds. */
public enum SampleKind {
    /** A WAV file. */
    AUDIO,
    /** Sensor axes from a CSV or Edge Impulse JSON file. */
    SENSOR
}
