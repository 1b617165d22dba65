package dev.littlebrain.data.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.littlebrain.data.SharedData;
import dev.littlebrain.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpeechCommandsSplitRuleTest {
    @Test
    void percentagesMatchTensorFlowsWhichSet() {
        // Reference values from input_data.py's formula evaluated in Python.
        assertEquals(61.71147496783342, SpeechCommandsSplitRule.percentage("0a1b2c3d"), 1e-12);
        assertEquals(0.5153380372772964, SpeechCommandsSplitRule.percentage("speakerA"), 1e-12);
        assertEquals(31.656094131291614, SpeechCommandsSplitRule.percentage("plain.wav"), 1e-12);
        assertEquals(Split.VALIDATION, SpeechCommandsSplitRule.STANDARD.splitOf("yes/speakerA_nohash_3.wav"));
        assertEquals(Split.TRAIN, SpeechCommandsSplitRule.STANDARD.splitOf("0a1b2c3d_nohash_0.wav"));
        assertEquals(Split.TEST, new SpeechCommandsSplitRule(10, 60).splitOf("0a1b2c3d_nohash_7.wav"));
    }

    @Test
    void speakerIsTheNamePartBeforeNohash() {
        assertEquals("1a2b3c4d", SpeechCommandsSplitRule.speakerOf("yes/1a2b3c4d_nohash_0.wav"));
        assertNull(SpeechCommandsSplitRule.speakerOf("recording.wav"));
    }

    @Test
    void reproducesTheEspeakKwsListFiles() throws IOException {
        Path root = SharedData.require("datasets/espeak-kws");
        Set<String> validation = new HashSet<>(Files.readAllLines(root.resolve("validation_list.txt")));
        Set<String> testing = new HashSet<>(Files.readAllLines(root.resolve("testing_list.txt")));
        int checked = 0;
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wav")).toList()) {
                String relative = root.relativize(f).toString().replace('\\', '/');
                if (relative.startsWith("_")) {
                    continue;
                }
                Split expected = validation.contains(relative) ? Split.VALIDATION
                        : testing.contains(relative) ? Split.TEST : Split.TRAIN;
                assertEquals(expected, SpeechCommandsSplitRule.STANDARD.splitOf(relative), relative);
                checked++;
            }
        }
        assertEquals(1404, checked);
    }
}
