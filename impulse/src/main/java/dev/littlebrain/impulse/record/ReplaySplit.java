package dev.littlebrain.impulse.record;

import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.speech.WordDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code data record --replay}'s work: recordings split into words by {@link WordDetector}, the words filling the
 * labels in order, {@code count} each, every word written as a clip of the window around it.
 */
public final class ReplaySplit {
    private ReplaySplit() {
    }

    /** Told of each recording's words and of each clip as it is written. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void recording(Path file, int words) {
        }

        default void clip(RecordedClip clip) {
        }
    }

    /**
     * The clips written and the words found for them.
     *
     * @param found  words found in all recordings
     * @param wanted clips asked for (labels times count): words beyond it were left out, labels short of it got fewer
     */
    public record Result(List<RecordedClip> clips, int found, int wanted) {
        public Result {
            clips = List.copyOf(clips);
        }
    }

    /**
     * Splits the recording {@code replay} (or the WAV files of that folder, by name), resampled to {@code rate}, into
     * clips of {@code window} samples in {@code folder}.
     *
     * @throws IllegalArgumentException naming {@code replay} when it is missing or a folder without WAV files
     */
    public static Result split(Path replay, List<String> labels, int count, int rate, int window, ClipFolder folder,
            Listener listener) throws IOException {
        WordDetector detector = new WordDetector(rate);
        List<RecordedClip> clips = new ArrayList<>();
        int wanted = labels.size() * count;
        int found = 0;
        for (Path file : recordings(replay)) {
            float[] audio = WavReader.read(file, AudioRequirement.converting(rate)).toInt16Values();
            List<WordDetector.Word> words = detector.find(audio);
            listener.recording(file, words.size());
            for (WordDetector.Word w : words) {
                found++;
                if (clips.size() < wanted) {
                    String label = labels.get(clips.size() / count);
                    RecordedClip clip = RecordedClip.keep(label, w, audio, rate, window, file.toString(), folder);
                    listener.clip(clip);
                    clips.add(clip);
                }
            }
        }
        return new Result(clips, found, wanted);
    }

    private static List<Path> recordings(Path replay) throws IOException {
        if (!Files.isDirectory(replay)) {
            if (!Files.isRegularFile(replay)) {
                throw new IllegalArgumentException(replay + ": no such recording or folder");
            }
            return List.of(replay);
        }
        try (Stream<Path> files = Files.list(replay)) {
            List<Path> wavs = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .sorted().toList();
            if (wavs.isEmpty()) {
                throw new IllegalArgumentException(replay + ": no .wav files to replay");
            }
            return wavs;
        }
    }
}
