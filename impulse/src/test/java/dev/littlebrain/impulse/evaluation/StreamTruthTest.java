package dev.littlebrain.impulse.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.ScoredSlice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground truth of {@code test --stream}: streams.csv with an optional speaker column or a streams_detail.csv
 * beside it, and the detection rate's interval over speakers that it allows.
 */
class StreamTruthTest {

    private static final String TRUTH = "file,start_ms,end_ms,label\n"
            + "s1.wav,1000,1400,yes\n"
            + "s1.wav,3000,3300,go\n"
            + "s2.wav,1000,1500,yes\n"
            + "s2.wav,3000,3400,yes\n";

    @Test
    void speakersComeFromTheDetailFileBesideIt(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("streams.csv"), TRUTH);
        List<StreamEvaluation.Utterance> plain = StreamEvaluation.readTruth(tmp.resolve("streams.csv"));
        assertEquals(4, plain.size());
        assertTrue(plain.stream().allMatch(u -> u.speaker().isEmpty()), plain.toString());

        Files.writeString(tmp.resolve(StreamEvaluation.DETAIL), "file,start_ms,end_ms,label,speaker,snr_db\n"
                + "s1.wav,1000,1400,yes,aa,12.0\n"
                + "s1.wav,3000,3300,go,bb,8.5\n"
                + "s2.wav,1000,1500,yes,bb,20.1\n"
                + "s2.wav,3000,3400,yes,aa,4.0\n");
        List<StreamEvaluation.Utterance> joined = StreamEvaluation.readTruth(tmp.resolve("streams.csv"));
        assertEquals(List.of("aa", "bb", "bb", "aa"), joined.stream().map(StreamEvaluation.Utterance::speaker).toList());
        assertEquals(new StreamEvaluation.Utterance("s2.wav", 1000, 1500, "yes", "bb"), joined.get(2));
    }

    @Test
    void aSpeakerColumnInStreamsCsvIsReadInAnyPosition(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("streams.csv"), "\uFEFFspeaker,file,label,start_ms,end_ms\r\n"
                + "cc,s1.wav,yes,1000,1400\n\n"
                + "dd,s1.wav,no,3000,3300\n");
        List<StreamEvaluation.Utterance> truth = StreamEvaluation.readTruth(tmp.resolve("streams.csv"));
        assertEquals(List.of(new StreamEvaluation.Utterance("s1.wav", 1000, 1400, "yes", "cc"),
                new StreamEvaluation.Utterance("s1.wav", 3000, 3300, "no", "dd")), truth);
    }

    @Test
    void aDetailFileOfOtherWordsOrBadRowsIsRefused(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("streams.csv");
        Files.writeString(csv, TRUTH);
        Path detail = tmp.resolve(StreamEvaluation.DETAIL);
        Files.writeString(detail, "file,start_ms,end_ms,label,speaker\ns1.wav,1000,1400,yes,aa\n");
        IllegalArgumentException fewer = assertThrows(IllegalArgumentException.class,
                () -> StreamEvaluation.readTruth(csv));
        assertTrue(fewer.getMessage().contains("1 words") && fewer.getMessage().contains("4"), fewer.getMessage());

        Files.writeString(detail, "file,start_ms,end_ms,label,speaker\n" + "s1.wav,1000,1400,yes,aa\n"
                + "s1.wav,3000,3300,no,bb\n" + "s2.wav,1000,1500,yes,bb\n" + "s2.wav,3000,3400,yes,aa\n");
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> StreamEvaluation.readTruth(csv));
        assertTrue(other.getMessage().contains("word 2"), other.getMessage());

        Files.writeString(detail, "file,start_ms,end_ms,label\n" + TRUTH.substring(TRUTH.indexOf('\n') + 1));
        IllegalArgumentException noSpeaker = assertThrows(IllegalArgumentException.class,
                () -> StreamEvaluation.readTruth(csv));
        assertTrue(noSpeaker.getMessage().contains("speaker"), noSpeaker.getMessage());

        Files.delete(detail);
        Files.writeString(csv, "file,start_ms,end_ms,label\ns1.wav,1000,x,yes\n");
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> StreamEvaluation.readTruth(csv));
        assertTrue(number.getMessage().contains("line 2") && number.getMessage().contains("x"), number.getMessage());
        Files.writeString(csv, "file,start,end,label\ns1.wav,1000,1400,yes\n");
        assertThrows(IllegalArgumentException.class, () -> StreamEvaluation.readTruth(csv));
        Files.writeString(csv, "file,start_ms,end_ms,label\ns1.wav,1000,1400\n");
        assertThrows(IllegalArgumentException.class, () -> StreamEvaluation.readTruth(csv));
        Files.writeString(csv, "");
        assertThrows(IllegalArgumentException.class, () -> StreamEvaluation.readTruth(csv));
    }

    /**
     * Six keywords of three speakers; the recorded scores fire on exactly the keywords of speakers aa and bb, so cc
     * (two keywords) is missed entirely: the interval over speakers is Kish-widened from that of four of six.
     */
    @Test
    void detectionIntervalCountsEachSpeakersKeywordsTogether() {
        List<String> labels = List.of("yes", "_unknown_");
        ContinuousConfig config = new ContinuousConfig(16000, 4000, 1, 0.5f, 1000, labels,
                Set.of("_unknown_"));
        long[] starts = {1000, 4000, 7000, 10000, 13000, 16000};
        String[] speakers = {"aa", "bb", "cc", "aa", "bb", "cc"};
        List<StreamEvaluation.Utterance> truth = new ArrayList<>();
        List<ScoredSlice> slices = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            truth.add(new StreamEvaluation.Utterance("s.wav", starts[i], starts[i] + 400, "yes", speakers[i]));
        }
        for (long t = 250; t <= 20000; t += 250) {
            boolean fire = false;
            for (int i = 0; i < starts.length; i++) {
                fire |= !speakers[i].equals("cc") && t == starts[i] + 500;
            }
            slices.add(new ScoredSlice(t, fire ? new float[] {0.9f, 0.1f} : new float[] {0.1f, 0.9f}));
        }
        StreamEvaluation.Recording rec = new StreamEvaluation.Recording(Map.of("s.wav", slices), 20, 1);
        StreamEvaluation.Point p = StreamEvaluation.evaluate(0.5f, config, rec, truth, Set.of("yes"));
        assertEquals(4, p.hits());
        assertEquals(0, p.falseAccepts());
        Interval.Clustered bySpeaker = p.bySpeaker();
        assertNotNull(bySpeaker);
        assertEquals(3, bySpeaker.clusters());
        // Residuals 2 - 4/6 * 2 = 2/3 (twice) and -4/3: 3/2 * (4/9 + 4/9 + 16/9) / 36 = 1/9 against 2/9 / 6.
        assertEquals(3, bySpeaker.designEffect(), 1e-9);
        Interval independent = Interval.ofProportion(4, 6);
        assertTrue(bySpeaker.interval().low() < independent.low()
                && bySpeaker.interval().high() > independent.high(), bySpeaker + " vs " + independent);

        // Without speakers, or with a single one, there are no clusters to count.
        List<StreamEvaluation.Utterance> anonymous = truth.stream()
                .map(u -> new StreamEvaluation.Utterance(u.file(), u.startMs(), u.endMs(), u.label())).toList();
        assertNull(StreamEvaluation.evaluate(0.5f, config, rec, anonymous, Set.of("yes")).bySpeaker());
        List<StreamEvaluation.Utterance> one = truth.stream()
                .map(u -> new StreamEvaluation.Utterance(u.file(), u.startMs(), u.endMs(), u.label(), "aa")).toList();
        assertNull(StreamEvaluation.evaluate(0.5f, config, rec, one, Set.of("yes")).bySpeaker());
    }

    /** Per keyword: "yes" found twice, "no" missed once and heard once where there was none. */
    @Test
    void operatingPointPerKeyword() {
        List<String> labels = List.of("yes", "no", "_unknown_");
        ContinuousConfig config = new ContinuousConfig(16000, 4000, 1, 0.5f, 1000, labels, Set.of("_unknown_"));
        List<StreamEvaluation.Utterance> truth = List.of(
                new StreamEvaluation.Utterance("s.wav", 1000, 1400, "yes"),
                new StreamEvaluation.Utterance("s.wav", 4000, 4400, "no"),
                new StreamEvaluation.Utterance("s.wav", 7000, 7400, "yes"),
                new StreamEvaluation.Utterance("s.wav", 10000, 10400, "go"));
        List<ScoredSlice> slices = new ArrayList<>();
        for (long t = 250; t <= 14000; t += 250) {
            float[] s = {0, 0, 1};
            if (t == 1500 || t == 7500) {
                s = new float[] {0.9f, 0, 0.1f};
            } else if (t == 10500) {
                s = new float[] {0, 0.8f, 0.2f}; // "go" heard as "no"
            }
            slices.add(new ScoredSlice(t, s));
        }
        StreamEvaluation.Recording rec = new StreamEvaluation.Recording(Map.of("s.wav", slices), 36, 1);
        Set<String> keywords = new java.util.LinkedHashSet<>(List.of("yes", "no"));
        StreamEvaluation.Errors errors = StreamEvaluation.errors(0.5f, config, rec, truth, keywords);
        List<StreamEvaluation.KeywordResult> perKeyword = StreamEvaluation.byKeyword(truth, keywords, errors, 36);
        assertEquals(List.of(new StreamEvaluation.KeywordResult("yes", 2, 2, 0, 0),
                new StreamEvaluation.KeywordResult("no", 1, 0, 1, 100)), perKeyword);
        assertEquals(1.0, perKeyword.get(0).detectionRate());
        StreamEvaluation.Point total = StreamEvaluation.evaluate(0.5f, config, rec, truth, keywords);
        assertEquals(total.hits(), perKeyword.stream().mapToInt(StreamEvaluation.KeywordResult::hits).sum());
        assertEquals(total.falseAccepts(),
                perKeyword.stream().mapToInt(StreamEvaluation.KeywordResult::falseAccepts).sum());
    }
}
