package dev.littlebrain.data.curate;

import dev.littlebrain.data.streams.StreamSynthesizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Training windows cut from synthesized streams the way a continuous spotter sees audio: a window every
 * {@code hop} samples, each labelled by the words whose speech is wholly inside it (a recorded clip is a second of
 * room around a shorter word: its speech, not its clip, decides). A 1 s clip shows a word alone, on its own
 * silence, at one level; a stream window shows it anywhere in the window, over a noise bed, beside the gap to the
 * next word — and a spotter trained only on clips misses there even keywords it was trained on (README,
 * Streaming). Windows with a word cut by their edge are left out: whether half a keyword should fire is the
 * averaging's decision, not a label.
 */
final class StreamWindows {
    /** One labelled window: the stream it is cut from, its first sample there, its label. */
    record Window(StreamSynthesizer.Stream stream, int start, String label) {
        /** The window's {@code length} samples (copied, so the stream's memory can go once all are written). */
        float[] audio(int length) {
            return Arrays.copyOfRange(stream.audio(), start, start + length);
        }
    }

    private StreamWindows() {
    }

    /**
     * The labelled windows of {@code streams}: a window holding exactly one whole keyword and no other word is that
     * keyword; one holding only whole other words is {@code unknown}; one overlapping no word is {@code noise}.
     * All keyword windows are kept; other-word windows up to as many as the keyword windows, noise windows up to a
     * quarter of them, drawn with {@code random} — the clips already balance the classes, these windows add the
     * stream's view of them.
     */
    static List<Window> cut(List<StreamSynthesizer.Stream> streams, List<String> keywords, int window, int hop,
            String unknown, String noise, Random random) {
        List<Window> keywordWindows = new ArrayList<>();
        List<Window> otherWindows = new ArrayList<>();
        List<Window> noiseWindows = new ArrayList<>();
        for (StreamSynthesizer.Stream s : streams) {
            for (int start = 0; start + window <= s.audio().length; start += hop) {
                String label = label(s.words(), start, start + window, keywords, unknown, noise);
                if (label == null) {
                    continue;
                }
                Window w = new Window(s, start, label);
                (label.equals(noise) ? noiseWindows : label.equals(unknown) ? otherWindows : keywordWindows).add(w);
            }
        }
        List<Window> out = new ArrayList<>(keywordWindows);
        out.addAll(sample(otherWindows, keywordWindows.size(), random));
        out.addAll(sample(noiseWindows, keywordWindows.size() / 4, random));
        return out;
    }

    /** The label of the window {@code [from, to)}, or null when a word crosses its edge or it is ambiguous. */
    static String label(List<StreamSynthesizer.Word> words, long from, long to, List<String> keywords, String unknown,
            String noise) {
        String keyword = null;
        int inside = 0;
        for (StreamSynthesizer.Word w : words) {
            boolean overlaps = w.speechEnd() > from && w.speechStart() < to;
            if (!overlaps) {
                continue;
            }
            if (w.speechStart() < from || w.speechEnd() > to) {
                return null; // a word cut by the window's edge
            }
            inside++;
            if (keywords.contains(w.label())) {
                if (keyword != null) {
                    return null; // two keywords: no single label
                }
                keyword = w.label();
            }
        }
        if (keyword != null) {
            return inside == 1 ? keyword : null;
        }
        return inside > 0 ? unknown : noise;
    }

    private static List<Window> sample(List<Window> windows, int n, Random random) {
        List<Window> shuffled = new ArrayList<>(windows);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(n, shuffled.size()));
    }
}
