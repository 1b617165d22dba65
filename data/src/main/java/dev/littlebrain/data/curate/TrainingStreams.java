package dev.littlebrain.data.curate;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.data.streams.StreamOptions;
import dev.littlebrain.data.streams.StreamSynthesizer;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Continuous audio made from training-speaker clips over the training part of the background recordings, in
 * streams as long as espeak-kws's test streams, half of the words keywords, at 4–25 dB SNR. Curation cuts training
 * windows from them; hard-negative mining looks in more of them for words the model mistakes for keywords.
 */
final class TrainingStreams {
    /** Seconds of each stream (the length of espeak-kws's test streams). */
    static final int SECONDS = 20;

    private TrainingStreams() {
    }

    /** Streams needed for {@code seconds} of audio. */
    static int count(int seconds) {
        return (seconds + SECONDS - 1) / SECONDS;
    }

    /**
     * The clips accepted by {@code training} and the background recordings that the synthesizer can read as they
     * are (at {@code sampleRate}, mono), as a dataset; its recordings list is empty when none is usable.
     */
    static Dataset usable(Dataset dataset, Predicate<Sample> training, int sampleRate) {
        Predicate<Sample> readable = s -> s.sampleRateHz() == sampleRate && s.axes().size() == 1;
        List<Sample> clips = dataset.samples().stream().filter(s -> s.split() == Split.TRAIN).filter(training)
                .filter(readable).toList();
        List<Sample> recordings = dataset.backgroundNoise().stream().filter(readable).toList();
        return new Dataset(dataset.root(), clips, recordings);
    }

    /** {@code count} streams of {@code usable}'s clips, reproducible from {@code seed}. */
    static List<StreamSynthesizer.Stream> synthesize(Dataset usable, List<String> keywords, int count, int sampleRate,
            long seed, ProgressListener progress) throws IOException {
        StreamOptions options = new StreamOptions(keywords, Split.TRAIN, count, SECONDS, 0.5, 4, 25, sampleRate, seed);
        return StreamSynthesizer.synthesize(usable, options, progress);
    }
}
