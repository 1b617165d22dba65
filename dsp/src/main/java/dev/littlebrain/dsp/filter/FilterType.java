package dev.littlebrain.dsp.filter;

/** Butterworth response types supported by the spectral-analysis block. */
public enum FilterType {
    LOW_PASS,
    HIGH_PASS
}
