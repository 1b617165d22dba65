package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.cli.audio.MicrophoneSource;
import dev.littlebrain.impulse.audio.AudioSource;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.record.ClipFolder;
import dev.littlebrain.dsp.speech.WordDetector;
import dev.littlebrain.impulse.record.RecordedClip;
import dev.littlebrain.impulse.record.ReplaySplit;
import dev.littlebrain.impulse.record.WordTrim;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.files.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain data record}: labelled clips of one's own voice for a personal keyword spotter. Each clip is
 * prompted with a countdown, recorded, trimmed to the spoken word by {@link WordDetector} and cut to the project's
 * window around it, then written into the folder-per-label layout {@code data import} reads. {@code --replay} plays
 * recordings in instead of the microphone: the same detector splits them into words, taken in order.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record labelled clips from the microphone (Java Sound, 16-bit mono): a prompt and countdown per"
                + " clip, trimmed to the spoken word and cut to the window around it, written as OUT/LABEL/LABEL_NNNN.wav"
                + " (the layout 'data import' reads; existing clips are kept, new ones numbered after them)."
                + " --replay splits recordings into words instead.")
public final class DataRecordCommand implements Callable<Integer> {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Tries per clip before the session moves on: silence three times means the microphone is not heard. */
    private static final int TRIES_PER_CLIP = 3;

    @Option(names = "--labels", split = ",", required = true, paramLabel = "WORD[,WORD...]",
            description = "Words to record, in the order prompted, e.g. hey_lamp or yes,no.")
    List<String> labels;

    @Option(names = "--count", defaultValue = "10", paramLabel = "N",
            description = "Clips per label (default: ${DEFAULT-VALUE}; about 30-50 make a useful spotter).")
    int count;

    @Option(names = "--out", defaultValue = "recordings", paramLabel = "DIR",
            description = "Dataset folder, one sub-folder per label (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--project", paramLabel = "DIR",
            description = "Take the sample rate and window from this project's impulse.yaml (default: 16000 Hz, 1 s).")
    Path project;

    @Option(names = "--device", paramLabel = "NAME", description = "Capture device whose name contains NAME"
            + " (default: the system's default microphone).")
    String device;

    @Option(names = "--replay", paramLabel = "FILE.wav|DIR", description = "Split this recording (or the WAV files"
            + " of this folder, by name) into words instead of using the microphone; words fill the labels in order,"
            + " --count each.")
    Path replay;

    @Option(names = "--seconds", defaultValue = "2", paramLabel = "S",
            description = "Microphone seconds recorded per clip after the countdown (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--countdown", defaultValue = "3", paramLabel = "S",
            description = "Countdown before each clip, seconds (default: ${DEFAULT-VALUE}).")
    int countdown;

    @Option(names = "--json", description = "Print the summary as one JSON object: out, counts per label, clips.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The session: where the clips went, how many per label, and each clip ({@code --json}'s object). */
    @JsonPropertyOrder({"out", "counts", "clips"})
    record Summary(Path out, Map<String, Integer> counts,
            List<RecordedClip> clips) {
    }

    @Override
    public Integer call() throws Exception {
        validate();
        int rate = 16000;
        int windowMs = 1000;
        if (project != null) {
            ImpulseProject p = ImpulseProject.require(project);
            if (!p.config().input().modality().isAudio()) {
                throw new IllegalArgumentException("data record needs an audio project; " + project + "'s input is "
                        + p.config().input().type());
            }
            rate = (int) Math.round(p.config().input().frequencyHz());
            windowMs = p.config().input().windowMs();
        }
        int window = SignalSpec.windowSamples(rate, windowMs);
        ClipFolder folder = new ClipFolder(out, rate);
        PrintWriter err = spec.commandLine().getErr();
        List<RecordedClip> clips = replay != null ? fromReplay(rate, window, folder, err)
                : fromMicrophone(rate, window, folder, err);
        summarise(clips);
        return 0;
    }

    private void validate() {
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--labels: '" + label + "' is not a usable"
                        + " label (letters, digits, _ and -, not starting with _ or -)");
            }
        }
        if (count < 1 || seconds <= 0 || countdown < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--count must be >= 1, --seconds > 0 and --countdown >= 0");
        }
    }

    /** Prompts every clip, records it after a countdown timed by the microphone itself, and keeps its word. */
    private List<RecordedClip> fromMicrophone(int rate, int window, ClipFolder folder, PrintWriter err) throws Exception {
        List<RecordedClip> clips = new ArrayList<>();
        try (AudioSource mic = MicrophoneSource.open(rate, device)) {
            err.println("recording from " + mic.description() + " into " + out + "; Ctrl-C stops (clips written so"
                    + " far are kept)");
            for (String label : labels) {
                for (int i = 1; i <= count; i++) {
                    RecordedClip clip = null;
                    for (int attempt = 1; clip == null && attempt <= TRIES_PER_CLIP; attempt++) {
                        err.printf(Locale.ROOT, "say '%s' (%d/%d) in", label, i, count);
                        for (int s = countdown; s >= 1; s--) {
                            err.print(" " + s);
                            err.flush();
                            mic.readFully(rate); // the countdown is the microphone's own second; what it hears is dropped
                        }
                        err.print(" \u25cf ");
                        err.flush();
                        float[] audio = mic.readFully((int) Math.round(seconds * rate));
                        Optional<WordTrim> trim = WordTrim.of(audio, rate, window);
                        if (trim.isEmpty()) {
                            err.println("no word heard" + (attempt < TRIES_PER_CLIP ? ", again" : ", skipped"));
                            continue;
                        }
                        clip = RecordedClip.keep(label, trim.get().word(), audio, rate, window, "microphone", folder);
                        err.println("-> " + clip.file());
                    }
                    if (clip != null) {
                        clips.add(clip);
                    }
                }
            }
        }
        return clips;
    }

    /** Splits the replayed recordings into words and fills the labels in order, {@code --count} each. */
    private List<RecordedClip> fromReplay(int rate, int window, ClipFolder folder, PrintWriter err)
            throws IOException {
        ReplaySplit.Result result = ReplaySplit.split(replay, labels, count, rate, window, folder,
                new ReplaySplit.Listener() {
                    @Override
                    public void recording(Path file, int words) {
                        err.println(file + ": " + words + " word(s)");
                        err.flush();
                    }

                    @Override
                    public void clip(RecordedClip clip) {
                        err.printf(Locale.ROOT, "  %s at %.2f-%.2f s -> %s%n", clip.label(), clip.onsetMs() / 1000.0,
                                clip.endMs() / 1000.0, clip.file());
                    }
                });
        int found = result.found();
        int wanted = result.wanted();
        if (found < wanted) {
            err.println("warning: " + found + " word(s) found for " + wanted + " clips (" + labels.size() + " label(s) x "
                    + count + "); the labels after the last word got fewer");
        } else if (found > wanted) {
            err.println("note: " + (found - wanted) + " word(s) after the first " + wanted + " were left out");
        }
        err.flush();
        return result.clips();
    }

    private void summarise(List<RecordedClip> clips) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.put(l, 0));
        clips.forEach(c -> counts.merge(c.label(), 1, Integer::sum));
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.compact().writeValueAsString(new Summary(out, counts, clips)));
        } else {
            StringBuilder per = new StringBuilder();
            counts.forEach((l, n) -> per.append(per.length() == 0 ? "" : ", ").append(l).append(' ').append(n));
            o.println("Recorded " + clips.size() + " clip(s) (" + per + ") into " + out
                    + "; next: littlebrain data import " + out + " --keywords " + String.join(",", labels)
                    + " --bundled --out PROJECT/data");
        }
        o.flush();
    }
}
