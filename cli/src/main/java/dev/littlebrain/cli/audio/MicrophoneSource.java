package dev.littlebrain.cli.audio;

import dev.littlebrain.impulse.audio.AudioSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * A microphone through Java Sound, captured as 16-bit signed little-endian mono at the model's rate,
 * so that no resampling stands between the device and the features.
 */
public final class MicrophoneSource implements AudioSource {
    private final TargetDataLine line;
    private final int sampleRate;
    private final String description;
    private byte[] bytes = new byte[0];

    private MicrophoneSource(TargetDataLine line, int sampleRate, String description) {
        this.line = line;
        this.sampleRate = sampleRate;
        this.description = description;
    }

    /**
     * Opens a capture line at {@code sampleRate}: the mixer whose name contains {@code deviceName},
     * or the system default when it is null.
     *
     * @throws NoCaptureDeviceException when no such line can be opened; the message lists the devices seen
     */
    public static MicrophoneSource open(int sampleRate, String deviceName) throws NoCaptureDeviceException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
        List<String> capturing = captureMixers();
        try {
            TargetDataLine line;
            String name;
            if (deviceName == null) {
                line = (TargetDataLine) AudioSystem.getLine(info);
                name = "default microphone";
            } else {
                Mixer.Info chosen = findMixer(deviceName, capturing);
                line = (TargetDataLine) AudioSystem.getMixer(chosen).getLine(info);
                name = chosen.getName();
            }
            // About 100 ms of buffer: enough to ride out a slow inference, small enough to stay live.
            line.open(format, Math.max(2048, sampleRate / 10 * 2));
            line.start();
            return new MicrophoneSource(line, sampleRate, name + " (" + sampleRate + " Hz, 16-bit mono)");
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new NoCaptureDeviceException(sampleRate, capturing, e.getMessage());
        }
    }

    private static Mixer.Info findMixer(String deviceName, List<String> capturing) throws NoCaptureDeviceException {
        for (Mixer.Info m : AudioSystem.getMixerInfo()) {
            if (m.getName().contains(deviceName)) {
                return m;
            }
        }
        throw new NoCaptureDeviceException(0, capturing, "no audio device named '" + deviceName + "'");
    }

    /** Names of the mixers that offer any capture line. */
    public static List<String> captureMixers() {
        List<String> names = new ArrayList<>();
        for (Mixer.Info m : AudioSystem.getMixerInfo()) {
            try {
                if (AudioSystem.getMixer(m).getTargetLineInfo().length > 0) {
                    names.add(m.getName());
                }
            } catch (RuntimeException e) {
                // A mixer that cannot even describe itself offers nothing we could open.
            }
        }
        return names;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int read(float[] buffer) {
        int wanted = buffer.length * 2;
        if (bytes.length < wanted) {
            bytes = new byte[wanted];
        }
        int n = line.read(bytes, 0, wanted);
        if (n <= 0) {
            return line.isOpen() ? 0 : -1;
        }
        int samples = n / 2;
        for (int i = 0; i < samples; i++) {
            buffer[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return samples;
    }

    @Override
    public void close() throws IOException {
        line.stop();
        line.close();
    }
}
