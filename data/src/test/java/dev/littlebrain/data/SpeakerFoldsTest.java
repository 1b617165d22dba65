package dev.littlebrain.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpeakerFoldsTest {

    /** 10 training speakers saying yes and no, 2 validation and 2 test speakers, one clip without a speaker. */
    private static Dataset dataset() {
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            for (String word : List.of("yes", "no")) {
                samples.add(sample(word, Split.TRAIN, "t" + s));
            }
        }
        samples.add(sample("yes", Split.VALIDATION, "v0"));
        samples.add(sample("no", Split.VALIDATION, "v1"));
        samples.add(sample("yes", Split.TEST, "x0"));
        samples.add(sample("no", Split.TEST, "x1"));
        samples.add(new Sample("no", Split.TRAIN, Path.of("no/anonymous.wav"), "h", null, SampleKind.AUDIO, 16000,
                16000, List.of("audio")));
        return new Dataset(Path.of("ds"), samples, List.of());
    }

    private static Sample sample(String word, Split split, String speaker) {
        return new Sample(word, split, Path.of(word, speaker + "_nohash_0.wav"), "h", speaker, SampleKind.AUDIO,
                16000, 16000, List.of("audio"));
    }

    @Test
    void everyTrainingSpeakerIsHeldOutInExactlyOneFoldWithAllOfItsClips() {
        Dataset d = dataset();
        Map<String, Integer> heldOutIn = new HashMap<>();
        for (int k = 1; k <= 4; k++) {
            Dataset fold = SpeakerFolds.holdOut(d, k, 4);
            Set<String> validation = new HashSet<>();
            Set<String> training = new HashSet<>();
            for (Sample s : fold.samples()) {
                String who = s.hasSpeaker() ? s.speakerId() : s.source().toString();
                if (s.split() == Split.VALIDATION) {
                    validation.add(who);
                } else if (s.split() == Split.TRAIN) {
                    training.add(who);
                }
            }
            assertTrue(validation.stream().noneMatch(training::contains), "speaker-disjoint in fold " + k);
            assertTrue(validation.stream().allMatch(v -> v.startsWith("t") || v.contains("anonymous")),
                    "only training speakers are held out: " + validation);
            // 11 training speakers dealt over 4 folds: 3, 3, 3, 2
            assertTrue(validation.size() == 2 || validation.size() == 3, validation.toString());
            assertEquals(11, validation.size() + training.size());
            for (String v : validation) {
                assertEquals(null, heldOutIn.put(v, k), v + " held out twice");
            }
            assertEquals(d.inSplit(Split.TEST), fold.inSplit(Split.TEST), "the test split is unchanged");
            assertEquals(d.inSplit(Split.TRAIN).size(), fold.samples().size() - d.inSplit(Split.TEST).size(),
                    "the dataset's own validation clips are left out, nothing else");
        }
        assertEquals(11, heldOutIn.size());
    }

    @Test
    void foldsDoNotDependOnSampleOrder() {
        Dataset d = dataset();
        List<Sample> reversed = new ArrayList<>(d.samples());
        java.util.Collections.reverse(reversed);
        Dataset r = new Dataset(d.root(), reversed, List.of());
        assertEquals(Set.copyOf(SpeakerFolds.holdOut(d, 2, 3).inSplit(Split.VALIDATION)),
                Set.copyOf(SpeakerFolds.holdOut(r, 2, 3).inSplit(Split.VALIDATION)));
    }

    @Test
    void rejectsFoldsThatDoNotExist() {
        Dataset d = dataset();
        assertThrows(IllegalArgumentException.class, () -> SpeakerFolds.holdOut(d, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> SpeakerFolds.holdOut(d, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> SpeakerFolds.holdOut(d, 1, 1));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> SpeakerFolds.holdOut(d, 1, 12));
        assertTrue(tooMany.getMessage().contains("11 training speaker"), tooMany.getMessage());
    }
}
