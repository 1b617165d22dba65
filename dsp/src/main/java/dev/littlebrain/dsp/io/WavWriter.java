package dev.littlebrain.dsp.io;

import dev.littlebrain.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes canonical 44-byte-header WAV files (or WAVE_FORMAT_EXTENSIBLE where the format requires
 * it: more than two channels or more than 16 bits). Files are written atomically.
 */
public final class WavWriter {
    private WavWriter() {
    }

    public static void write(Path file, Signal signal, WavEncoding encoding) throws IOException {
        AtomicFiles.write(file, encode(signal, encoding));
    }

    /** WAV bytes for a signal. Samples outside [-1, 1) are clipped for integer encodings. */
    public static byte[] encode(Signal signal, WavEncoding encoding) {
        // The WAVE_FORMAT_EXTENSIBLE spec asks for it whenever channels > 2 or bits > 16.
        boolean extensible = signal.channels() > 2 || encoding.bitsPerSample() > 16;
        int fmtSize = extensible ? 40 : 16;
        float[] samples = signal.interleaved();
        long dataSize = (long) samples.length * encoding.bytesPerSample();
        long riffSize = 4 + 8 + fmtSize + 8 + dataSize + (dataSize & 1);
        if (riffSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("signal too long for a WAV file (" + dataSize + " bytes of data)");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (riffSize + 8)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) riffSize);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(fmtSize);
        int blockAlign = signal.channels() * encoding.bytesPerSample();
        b.putShort((short) (extensible ? 0xFFFE : encoding.formatTag()));
        b.putShort((short) signal.channels());
        b.putInt(signal.sampleRate());
        b.putInt(signal.sampleRate() * blockAlign);
        b.putShort((short) blockAlign);
        b.putShort((short) encoding.bitsPerSample());
        if (extensible) {
            b.putShort((short) 22);
            b.putShort((short) encoding.bitsPerSample());
            b.putInt(defaultChannelMask(signal.channels()));
            b.putShort((short) encoding.formatTag());
            b.put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
                (byte) 0x9B, 0x71});
        }
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataSize);
        for (float s : samples) {
            putSample(b, s, encoding);
        }
        return b.array(); // a pad byte, if any, is already zero
    }

    private static int defaultChannelMask(int channels) {
        // Speaker positions in order (FL, FR, FC, ...) for up to 18 channels; 0 = unassigned beyond.
        return channels <= 18 ? (1 << channels) - 1 : 0;
    }

    private static void putSample(ByteBuffer b, float s, WavEncoding encoding) {
        switch (encoding) {
            case PCM_U8 -> b.put((byte) (quantize(s, 128) + 128));
            case PCM_S16 -> b.putShort((short) quantize(s, 32768));
            case PCM_S24 -> {
                int v = quantize(s, 8388608);
                b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
            }
            case PCM_S32 -> b.putInt((int) quantizeLong(s));
            case FLOAT32 -> b.putFloat(s);
            case FLOAT64 -> b.putDouble(s);
            default -> throw new IllegalStateException(encoding.name());
        }
    }

    /** Rounds {@code s * scale} to the nearest integer in [-scale, scale - 1]; exact for values read back. */
    private static int quantize(float s, int scale) {
        double v = Math.rint((double) s * scale);
        if (!(v > -scale)) {
            return -scale;
        }
        return (int) Math.min(v, scale - 1);
    }

    private static long quantizeLong(float s) {
        double v = Math.rint((double) s * 2147483648.0);
        if (!(v > Integer.MIN_VALUE)) {
            return Integer.MIN_VALUE;
        }
        return (long) Math.min(v, Integer.MAX_VALUE);
    }
}
