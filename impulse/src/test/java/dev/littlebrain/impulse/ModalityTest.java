package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.blocks.InputKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModalityTest {
    @Test
    void theNamesAreWhatImpulseYamlWrites() {
        assertEquals(List.of("audio", "accelerometer", "trajectory"), Modality.NAMES);
        assertEquals(Optional.of(Modality.TRAJECTORY), Modality.named("trajectory"));
        assertEquals(Optional.empty(), Modality.named("Audio"));
    }

    @Test
    void soundIsAudioAndEverySensorIsSensorAxes() {
        assertTrue(Modality.AUDIO.isAudio());
        assertEquals(InputKind.AUDIO, Modality.AUDIO.kind());
        assertFalse(Modality.ACCELEROMETER.isAudio());
        assertEquals(InputKind.SENSOR, Modality.TRAJECTORY.kind());
    }

    @Test
    void aWindowOnTheDeviceIsInt16AudioOrFloat32PerAxis() {
        assertEquals(32000, Modality.AUDIO.windowBytes(16000, 1));
        assertEquals(125 * 4 * 3, Modality.ACCELEROMETER.windowBytes(125, 3));
    }

    @Test
    void anInputAnswersItsModality() {
        ImpulseConfig.Input input = new ImpulseConfig.Input("accelerometer", 62.5, 2000, List.of("x", "y", "z"));
        assertEquals(Modality.ACCELEROMETER, input.modality());
    }
}
