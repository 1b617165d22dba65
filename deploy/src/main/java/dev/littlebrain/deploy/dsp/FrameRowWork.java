package dev.littlebrain.deploy.dsp;

/**
 * What the exported C of a framewise block computes per frame row and per window, in the sizes the latency and RAM
 * models of {@code deploy.profile} scale with.
 *
 * @param fftLength  FFT points per frame
 * @param melFilters mel filters per frame (0 without a filterbank)
 * @param cepstra    DCT outputs per frame (0 without a DCT)
 * @param cmvnWindow frames of the sliding CMVN window (0 without CMVN)
 */
public record FrameRowWork(int fftLength, int melFilters, int cepstra, int cmvnWindow) {
}
