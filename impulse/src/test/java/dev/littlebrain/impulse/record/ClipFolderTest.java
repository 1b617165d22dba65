package dev.littlebrain.impulse.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.dsp.io.WavReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipFolderTest {
    @Test
    void clipsAreNumberedAfterTheOnesThereAndNothingIsWrittenOver(@TempDir Path tmp) throws Exception {
        Path yes = Files.createDirectories(tmp.resolve("yes"));
        Files.writeString(yes.resolve("yes_0007.wav"), "someone's clip");
        Files.writeString(yes.resolve("notes.txt"), "keep");
        ClipFolder folder = new ClipFolder(tmp, 16000);
        float[] audio = {0, 100, -100, 32767};
        Path first = folder.write("yes", audio);
        Path second = folder.write("yes", audio);
        assertEquals(yes.resolve("yes_0008.wav"), first);
        assertEquals(yes.resolve("yes_0009.wav"), second);
        assertEquals("someone's clip", Files.readString(yes.resolve("yes_0007.wav")));
        assertArrayEquals(audio, WavReader.read(first, dev.littlebrain.dsp.io.AudioRequirement.strict(16000))
                .toInt16Values());
        try (var files = Files.list(yes)) {
            assertEquals(4, files.count(), "no temporary file is left");
        }
        assertEquals(tmp.resolve("no/no_0001.wav"), folder.write("no", audio));
    }
}
