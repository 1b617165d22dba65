/**
 * Signal I/O: reading and writing sample files and bringing them to the rate a block expects.
 *
 * <ul>
 *   <li>{@link dev.littlebrain.dsp.io.Signal}: samples (float, [-1, 1) for audio), rate, channels.</li>
 *   <li>{@link dev.littlebrain.dsp.io.WavReader} / {@link dev.littlebrain.dsp.io.WavWriter}: WAV files.</li>
 *   <li>{@link dev.littlebrain.dsp.io.AudioRequirement}: "16 kHz mono", with or without conversion.</li>
 *   <li>{@link dev.littlebrain.dsp.io.Resampler}: band-limited rate conversion.</li>
 *   <li>{@link dev.littlebrain.dsp.io.SensorCsv} / {@link dev.littlebrain.dsp.io.EdgeImpulseJson}: motion and
 *       other sensor samples as {@link dev.littlebrain.dsp.io.SensorSeries}.</li>
 * </ul>
 * Bad content always surfaces as {@link dev.littlebrain.dsp.io.SignalFormatException}, whose message
 * names the file; writes go through {@link dev.littlebrain.files.AtomicFiles}.
 */
package dev.littlebrain.dsp.io;
