package dev.littlebrain.dsp.io;

import java.util.List;

/**
 * What a WAV file held: the signal, how it was encoded, and anything that was odd but
 * recoverable (for example a data chunk that claims more bytes than the file has).
 */
public record WavContent(Signal signal, WavEncoding encoding, List<String> warnings) {
    public WavContent {
        warnings = List.copyOf(warnings);
    }
}
