package dev.littlebrain.dsp.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds spoken words in a recording by their energy: 10 ms frames louder than the recording's own background by a
 * margin. The background is a low percentile of the frame energies, so a quiet room and a noisy kitchen are both
 * measured against themselves and no absolute level has to be guessed. A word starts where its energy first rises
 * a few dB above the background (not where it crosses the detection margin), so a soft onset such as the "y" of
 * "yes" is kept; pauses shorter than a syllable gap join one word.
 */
public final class WordDetector {
    /** A word, in samples of the recording: [onset, end). */
    public record Word(int onset, int end) {
        public int length() {
            return end - onset;
        }

        public int centre() {
            return (onset + end) / 2;
        }
    }

    private static final double FRAME_SECONDS = 0.010;
    /** Frames this far above the background (dB) are speech. */
    private static final double DETECT_DB = 12;
    /** A word reaches out to the frames this far above the background (dB): its soft onset and tail. */
    private static final double EXTEND_DB = 5;
    /** The loudest frame of a word must stand this far above the background (dB): a cough of the fan is not one. */
    private static final double PEAK_DB = 18;
    /** Background: this percentile of the frame energies (words fill less than this share of a recording). */
    private static final double BACKGROUND_PERCENTILE = 0.2;
    /** Energy floor (dB of int16 values): digital silence is not infinitely quiet. */
    private static final double FLOOR_DB = 0;
    private static final double JOIN_GAP_SECONDS = 0.2;
    private static final double SHORTEST_WORD_SECONDS = 0.1;

    private final int sampleRate;
    private final int frame;

    public WordDetector(int sampleRate) {
        this.sampleRate = sampleRate;
        this.frame = Math.max(1, (int) Math.round(sampleRate * FRAME_SECONDS));
    }

    /** The words of {@code samples} (int16 scale), in order. */
    public List<Word> find(float[] samples) {
        double[] db = frameEnergies(samples);
        if (db.length == 0) {
            return List.of();
        }
        double background = background(db);
        List<int[]> runs = runsAbove(db, background + DETECT_DB);
        List<int[]> joined = join(runs, (int) Math.round(JOIN_GAP_SECONDS / FRAME_SECONDS));
        List<Word> words = new ArrayList<>();
        int shortest = (int) Math.round(SHORTEST_WORD_SECONDS / FRAME_SECONDS);
        int previousEnd = 0;
        for (int[] run : joined) {
            if (run[1] - run[0] < shortest || peak(db, run) < background + PEAK_DB) {
                continue;
            }
            int start = run[0];
            while (start > previousEnd && db[start - 1] > background + EXTEND_DB) {
                start--;
            }
            int end = run[1];
            while (end < db.length && db[end] > background + EXTEND_DB) {
                end++;
            }
            words.add(new Word(start * frame, Math.min(samples.length, end * frame)));
            previousEnd = end;
        }
        return merged(words);
    }

    /** Words whose extended edges touch become one (two runs of one word grown into each other). */
    private static List<Word> merged(List<Word> words) {
        List<Word> out = new ArrayList<>();
        for (Word w : words) {
            if (!out.isEmpty() && w.onset() <= out.get(out.size() - 1).end()) {
                Word last = out.remove(out.size() - 1);
                out.add(new Word(last.onset(), Math.max(last.end(), w.end())));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Energy of every whole 10 ms frame in dB of int16 values. */
    double[] frameEnergies(float[] samples) {
        double[] db = new double[samples.length / frame];
        for (int f = 0; f < db.length; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += (double) samples[i] * samples[i];
            }
            db[f] = Math.max(FLOOR_DB, 10 * Math.log10(sum / frame + 1e-9));
        }
        return db;
    }

    private static double background(double[] db) {
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        return sorted[(int) (BACKGROUND_PERCENTILE * (sorted.length - 1))];
    }

    private static List<int[]> runsAbove(double[] db, double threshold) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int f = 0; f <= db.length; f++) {
            boolean loud = f < db.length && db[f] > threshold;
            if (loud && start < 0) {
                start = f;
            } else if (!loud && start >= 0) {
                runs.add(new int[] {start, f});
                start = -1;
            }
        }
        return runs;
    }

    private static List<int[]> join(List<int[]> runs, int gap) {
        List<int[]> out = new ArrayList<>();
        for (int[] r : runs) {
            if (!out.isEmpty() && r[0] - out.get(out.size() - 1)[1] <= gap) {
                out.get(out.size() - 1)[1] = r[1];
            } else {
                out.add(r.clone());
            }
        }
        return out;
    }

    private static double peak(double[] db, int[] run) {
        double max = Double.NEGATIVE_INFINITY;
        for (int f = run[0]; f < run[1]; f++) {
            max = Math.max(max, db[f]);
        }
        return max;
    }

    public int sampleRate() {
        return sampleRate;
    }
}
