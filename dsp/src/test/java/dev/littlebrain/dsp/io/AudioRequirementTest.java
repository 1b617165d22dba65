package dev.littlebrain.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioRequirementTest {
    @TempDir
    Path dir;

    @Test
    void stereo44kIsRejectedWithAClearMessageOrConvertedWhenAllowed() throws IOException {
        float[] stereo = new float[44100 * 2 / 10];
        for (int i = 0; i < stereo.length; i++) {
            stereo[i] = (float) Math.sin(i * 0.01) * 0.3f;
        }
        Path file = dir.resolve("stereo44k.wav");
        WavWriter.write(file, new Signal(44100, 2, stereo), WavEncoding.PCM_S16);

        SignalFormatException channels = assertThrows(SignalFormatException.class,
                () -> WavReader.read(file, AudioRequirement.strict(16000)));
        assertTrue(channels.getMessage().contains("stereo44k.wav") && channels.getMessage().contains("2 channels"),
                channels.getMessage());

        SignalFormatException rate = assertThrows(SignalFormatException.class,
                () -> WavReader.read(file, new AudioRequirement(16000, true, false, true)));
        assertTrue(rate.getMessage().contains("stereo44k.wav: is 44100 Hz, 16000 Hz is expected; resample it"),
                rate.getMessage());

        Signal converted = WavReader.read(file, AudioRequirement.converting(16000));
        assertEquals(16000, converted.sampleRate());
        assertEquals(1, converted.channels());
        assertEquals(1600, converted.frames());
    }
}
