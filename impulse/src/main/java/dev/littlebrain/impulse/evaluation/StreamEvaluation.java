package dev.littlebrain.impulse.evaluation;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.streaming.StreamingFeatures;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.Detection;
import dev.littlebrain.runtime.stream.DetectionDecider;
import dev.littlebrain.runtime.stream.ScoredSlice;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Continuous keyword spotting over labelled test streams: the model runs once over every stream
 * recording the averaged scores of each slice; thresholds are then applied offline with the same
 * {@link DetectionDecider} the {@link StreamingClassifier} uses, so each threshold's detections are
 * exactly those of a live run.
 */
public final class StreamEvaluation {
    public static final long TOLERANCE_MS = 750;

    /** The file beside streams.csv that names each word's speaker (espeak-kws's and {@code data streams}' layout). */
    public static final String DETAIL = "streams_detail.csv";

    /** One labelled word in a stream; {@code speaker} is empty when the ground truth does not name it. */
    public record Utterance(String file, long startMs, long endMs, String label, String speaker) {
        public Utterance(String file, long startMs, long endMs, String label) {
            this(file, startMs, endMs, label, "");
        }
    }

    /**
     * Detection rate, false accepts per hour and mean latency (NaN without hits) at one threshold; with
     * {@code bySpeaker} the detection rate's interval counting each speaker's keywords as one cluster (null when the
     * ground truth names no speakers, or only one).
     */
    public record Point(float threshold, double detectionRate, double falseAcceptsPerHour, double meanLatencyMs,
            int hits, int falseAccepts, Interval.Clustered bySpeaker) {
        public Point(float threshold, double detectionRate, double falseAcceptsPerHour, double meanLatencyMs, int hits,
                int falseAccepts) {
            this(threshold, detectionRate, falseAcceptsPerHour, meanLatencyMs, hits, falseAccepts, null);
        }
    }

    /** Recorded scores of every stream, and the time spent producing them. */
    public record Recording(Map<String, List<ScoredSlice>> scores, double audioSeconds, double wallSeconds) {
        public double realTimeFactor() {
            return audioSeconds / wallSeconds;
        }
    }

    private StreamEvaluation() {
    }

    /**
     * Reads streams.csv: a header, then {@code file,start_ms,end_ms,label} rows, and optionally a {@code speaker}
     * column. Without one, the speakers come from a {@code streams_detail.csv} beside it when there is one (the
     * espeak-kws layout, also written by {@code data streams}), whose rows must be the same words in the same order.
     */
    public static List<Utterance> readTruth(Path csv) throws IOException {
        List<Utterance> out = readRows(csv, false);
        boolean named = out.stream().anyMatch(u -> !u.speaker().isEmpty());
        Path detail = csv.resolveSibling(DETAIL);
        if (named || !Files.isRegularFile(detail)) {
            return out;
        }
        List<Utterance> detailed = readRows(detail, true);
        if (detailed.size() != out.size()) {
            throw new IllegalArgumentException(detail + " has " + detailed.size() + " words, " + csv + " has "
                    + out.size() + "; they must list the same words");
        }
        List<Utterance> joined = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Utterance u = out.get(i);
            Utterance d = detailed.get(i);
            if (!u.equals(new Utterance(d.file(), d.startMs(), d.endMs(), d.label()))) {
                throw new IllegalArgumentException(detail + " word " + (i + 1) + " (" + d.file() + " " + d.startMs()
                        + " ms, " + d.label() + ") is not " + csv + "'s (" + u.file() + " " + u.startMs() + " ms, "
                        + u.label() + ")");
            }
            joined.add(new Utterance(u.file(), u.startMs(), u.endMs(), u.label(), d.speaker()));
        }
        return joined;
    }

    /** The rows of a ground-truth CSV, columns found by the header's names. */
    private static List<Utterance> readRows(Path csv, boolean needSpeaker) throws IOException {
        TruthTable table = TruthTable.read(csv);
        if (table.header().isEmpty()) {
            throw new IllegalArgumentException(csv + " is empty; expected a header file,start_ms,end_ms,label");
        }
        int file = table.column("file");
        int start = table.column("start_ms");
        int end = table.column("end_ms");
        int label = table.column("label");
        int speaker = table.column("speaker");
        if (file < 0 || start < 0 || end < 0 || label < 0 || needSpeaker && speaker < 0) {
            throw new IllegalArgumentException(csv + ": header must name file,start_ms,end_ms,label"
                    + (needSpeaker ? ",speaker" : "") + ", got " + String.join(",", table.header()));
        }
        List<Utterance> out = new ArrayList<>();
        for (TruthTable.Row row : table.rows()) {
            long startMs;
            long endMs;
            try {
                startMs = Long.parseLong(row.get(start));
                endMs = Long.parseLong(row.get(end));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(csv + " line " + row.line() + ": start_ms and end_ms must be whole"
                        + " milliseconds, got " + row.get(start) + " and " + row.get(end));
            }
            out.add(new Utterance(row.get(file), startMs, endMs, row.get(label), speaker < 0 ? "" : row.get(speaker)));
        }
        return out;
    }

    /** A stream file named in streams.csv: relative to the dataset root (the folder above), else to the folder. */
    public static Path resolve(Path streamsDir, String file) {
        Path parent = streamsDir.toAbsolutePath().getParent();
        if (parent != null && Files.isRegularFile(parent.resolve(file))) {
            return parent.resolve(file);
        }
        Path inside = streamsDir.resolve(file);
        return Files.isRegularFile(inside) ? inside : streamsDir.resolve(Path.of(file).getFileName());
    }

    /**
     * Runs the model over every stream once (timed), recording the averaged scores of every slice; stops between
     * streams when {@code progress} is cancelled.
     */
    public static Recording record(Interpreter interpreter, DspBlock dsp, ContinuousConfig config, int windowSamples,
            Path streamsDir, List<String> files, Progress progress) throws IOException {
        Map<String, float[]> audio = new LinkedHashMap<>();
        double seconds = 0;
        for (String f : files) {
            Signal s = WavReader.read(resolve(streamsDir, f)).signal().toMono();
            if (s.sampleRate() != config.sampleRate()) {
                throw new IllegalArgumentException(f + " is sampled at " + s.sampleRate() + " Hz, the impulse takes "
                        + config.sampleRate() + " Hz");
            }
            float[] values = s.toInt16Values();
            audio.put(f, values);
            seconds += values.length / (double) s.sampleRate();
        }
        Map<String, List<ScoredSlice>> scores = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (Map.Entry<String, float[]> e : audio.entrySet()) {
            progress.checkCancelled();
            List<ScoredSlice> rec = new ArrayList<>();
            StreamingFeatures features = StreamingFeatures.create(dsp, windowSamples);
            new StreamingClassifier(interpreter, features::push, config).onScores(rec::add).accept(e.getValue());
            scores.put(e.getKey(), rec);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Recording(scores, seconds, wall);
    }

    /** Scores the detections of every stream at one threshold for every keyword against the keyword utterances. */
    public static Point evaluate(float threshold, ContinuousConfig config, Recording recording, List<Utterance> truth,
            Set<String> keywords) {
        return score(config.withThreshold(threshold), recording, truth, keywords).point();
    }

    /** Scores the detections of every stream at {@code config}'s thresholds (a keyword's own where it has one). */
    public static Point evaluate(ContinuousConfig config, Recording recording, List<Utterance> truth,
            Set<String> keywords) {
        return score(config, recording, truth, keywords).point();
    }

    /** The keyword utterances missed and the false accepts made at one threshold, to listen to. */
    public static Errors errors(float threshold, ContinuousConfig config, Recording recording, List<Utterance> truth,
            Set<String> keywords) {
        return score(config.withThreshold(threshold), recording, truth, keywords).errors();
    }

    /** The keyword utterances missed and the false accepts made at {@code config}'s thresholds. */
    public static Errors errors(ContinuousConfig config, Recording recording, List<Utterance> truth,
            Set<String> keywords) {
        return score(config, recording, truth, keywords).errors();
    }

    /** A detection that matched no keyword utterance, with the words (of any label) within the tolerance of it. */
    public record FalseAccept(String file, Detection detection, List<Utterance> nearby) {
    }

    /** One threshold's errors, in stream order. */
    public record Errors(List<Utterance> misses, List<FalseAccept> falseAccepts) {
    }

    private record Scored(Point point, Errors errors) {
    }

    /** One keyword's share of an operating point: its utterances, those found, and the false accepts in its name. */
    public record KeywordResult(String label, int utterances, int hits, int falseAccepts, double falseAcceptsPerHour) {
        public double detectionRate() {
            return utterances == 0 ? 0 : hits / (double) utterances;
        }
    }

    /**
     * An operating point per keyword, from its errors: a spotter's weak keyword (the one heard in other words, or
     * missed in some voices) hides in the pooled rate.
     */
    public static List<KeywordResult> byKeyword(List<Utterance> truth, Set<String> keywords, Errors errors,
            double audioSeconds) {
        List<KeywordResult> out = new ArrayList<>();
        for (String k : keywords) {
            int utterances = (int) truth.stream().filter(u -> u.label().equals(k)).count();
            int missed = (int) errors.misses().stream().filter(u -> u.label().equals(k)).count();
            int falseAccepts = (int) errors.falseAccepts().stream().filter(f -> f.detection().label().equals(k)).count();
            out.add(new KeywordResult(k, utterances, utterances - missed, falseAccepts,
                    falseAccepts / (audioSeconds / 3600.0)));
        }
        return out;
    }

    /**
     * Matches each stream's detections to its keyword utterances: a detection hits the first unmatched utterance of
     * its label within {@link #TOLERANCE_MS} of it, else it is a false accept; utterances left unmatched are misses.
     */
    private static Scored score(ContinuousConfig c, Recording recording, List<Utterance> truth,
            Set<String> keywords) {
        float threshold = c.threshold();
        int targets = 0;
        int hits = 0;
        double latency = 0;
        List<Utterance> misses = new ArrayList<>();
        List<FalseAccept> falseAccepts = new ArrayList<>();
        for (Map.Entry<String, List<ScoredSlice>> e : recording.scores().entrySet()) {
            List<Utterance> words = new ArrayList<>();
            List<Utterance> utterances = new ArrayList<>();
            for (Utterance u : truth) {
                if (u.file().equals(e.getKey())) {
                    words.add(u);
                    if (keywords.contains(u.label())) {
                        utterances.add(u);
                    }
                }
            }
            targets += utterances.size();
            boolean[] used = new boolean[utterances.size()];
            for (Detection d : DetectionDecider.replay(c, e.getValue())) {
                int match = -1;
                for (int i = 0; i < utterances.size() && match < 0; i++) {
                    Utterance u = utterances.get(i);
                    if (!used[i] && u.label().equals(d.label()) && near(d, u)) {
                        match = i;
                    }
                }
                if (match < 0) {
                    falseAccepts.add(new FalseAccept(e.getKey(), d,
                            words.stream().filter(u -> near(d, u)).toList()));
                } else {
                    used[match] = true;
                    hits++;
                    latency += d.timeMs() - utterances.get(match).endMs();
                }
            }
            for (int i = 0; i < utterances.size(); i++) {
                if (!used[i]) {
                    misses.add(utterances.get(i));
                }
            }
        }
        Point point = new Point(threshold, targets == 0 ? 0 : hits / (double) targets,
                falseAccepts.size() / (recording.audioSeconds() / 3600.0), hits == 0 ? Double.NaN : latency / hits,
                hits, falseAccepts.size(), bySpeaker(truth, keywords, misses));
        return new Scored(point, new Errors(misses, falseAccepts));
    }

    /**
     * The detection rate's interval with each speaker's keywords as one cluster, or null when the ground truth names
     * no speaker or only one. A keyword without a speaker is a cluster of its own.
     */
    private static Interval.Clustered bySpeaker(List<Utterance> truth, Set<String> keywords, List<Utterance> misses) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // speaker -> {hits, keywords}
        boolean named = false;
        for (Utterance u : truth) {
            if (keywords.contains(u.label())) {
                named |= !u.speaker().isEmpty();
                counts.computeIfAbsent(clusterOf(u), c -> new int[2])[1]++;
            }
        }
        if (!named || counts.size() < 2) {
            return null;
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            e.getValue()[0] = e.getValue()[1];
        }
        for (Utterance u : misses) {
            counts.get(clusterOf(u))[0]--;
        }
        int[] hits = new int[counts.size()];
        int[] trials = new int[counts.size()];
        int i = 0;
        for (int[] c : counts.values()) {
            hits[i] = c[0];
            trials[i++] = c[1];
        }
        return Interval.ofClusteredProportion(hits, trials);
    }

    /** A keyword's cluster: its speaker, or the keyword alone (a name no speaker column can hold). */
    private static String clusterOf(Utterance u) {
        return u.speaker().isEmpty() ? "\n" + u.file() + "@" + u.startMs() : u.speaker();
    }

    private static boolean near(Detection d, Utterance u) {
        return d.timeMs() >= u.startMs() - TOLERANCE_MS && d.timeMs() <= u.endMs() + TOLERANCE_MS;
    }

    /** Highest detection rate at most {@code maxFaPerHour} false accepts per hour, else the fewest false accepts. */
    public static Point suggest(List<Point> points, double maxFaPerHour) {
        Point best = null;
        for (Point p : points) {
            if (p.falseAcceptsPerHour() <= maxFaPerHour && (best == null || p.detectionRate() > best.detectionRate()
                    || p.detectionRate() == best.detectionRate() && p.falseAcceptsPerHour() < best.falseAcceptsPerHour())) {
                best = p;
            }
        }
        if (best != null) {
            return best;
        }
        for (Point p : points) {
            if (best == null || p.falseAcceptsPerHour() < best.falseAcceptsPerHour()
                    || p.falseAcceptsPerHour() == best.falseAcceptsPerHour() && p.detectionRate() > best.detectionRate()) {
                best = p;
            }
        }
        return best;
    }
}
