/**
 * Datasets: the model ({@link dev.littlebrain.data.Sample}, {@link dev.littlebrain.data.Dataset}),
 * with import ({@code importer}), keyword-spotting curation ({@code curate}), training-time
 * augmentation ({@code augment}), the feature cache ({@code features}), statistics ({@code stats}),
 * spectrogram pictures ({@code viz}) and progress reporting ({@code progress}) in sub-packages.
 *
 * <p>A curated dataset folder looks like this:
 * <pre>
 * manifest.json                         format, seed, rate, window, labels, one entry per clip
 * data/train/yes/&lt;speaker&gt;_nohash_0.wav   16-bit PCM mono, exactly one window long
 * data/train/_unknown_/&lt;word&gt;_&lt;speaker&gt;_nohash_0.wav
 * data/validation/_noise_/&lt;recording&gt;_&lt;offset&gt;_&lt;i&gt;.wav
 * </pre>
 */
package dev.littlebrain.data;
