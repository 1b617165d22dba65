package dev.littlebrain.data.curate;

/** Where a clip goes in the fixed-length window when it is shorter or longer than the window. */
public enum Placement {
    /** Centred: equal padding (or trimming) at both ends. */
    CENTRED,
    /** At a uniformly random offset (seeded). */
    RANDOM
}
