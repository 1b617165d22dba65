package dev.littlebrain.cli.audio;

import java.util.List;

/** No microphone could be opened; the message says what was looked for and what exists. */
public final class NoCaptureDeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    NoCaptureDeviceException(int sampleRate, List<String> captureMixers, String reason) {
        super(describe(sampleRate, captureMixers, reason));
    }

    private static String describe(int sampleRate, List<String> captureMixers, String reason) {
        String what = sampleRate > 0 ? "no audio capture device could be opened at " + sampleRate + " Hz 16-bit mono"
                : "no audio capture device could be opened";
        String seen = captureMixers.isEmpty() ? "Java Sound sees no capture device on this machine"
                : "capture devices seen: " + String.join(", ", captureMixers) + " (choose one with --device NAME)";
        String why = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return what + why + "; " + seen + ". Connect a microphone, or replay a recording with --replay FILE.wav";
    }
}
