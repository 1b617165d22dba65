package dev.littlebrain.dsp.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RIFF/WAVE files: PCM 8 (unsigned), 16, 24 and 32 bit, IEEE float 32 and 64 bit, any
 * channel count and rate, plain or WAVE_FORMAT_EXTENSIBLE headers. Chunks other than
 * {@code fmt } and {@code data} (LIST, fact, cue, ...) are skipped, honouring the RIFF rule that
 * odd-sized chunks are followed by one pad byte.
 *
 * <p>A {@code data} chunk that claims more bytes than the file holds is a truncated file and is
 * rejected: a clip cut off after 500 of its 16,000 samples is not the recording its label describes.
 * The one exception is the size streaming writers put there before they know it, 0xFFFFFFFF: such a
 * file is <em>read as far as it goes</em>, with a warning in {@link WavContent#warnings()}.
 *
 * <p>Float samples that are NaN or infinite are rejected too: they are not audio, and every DSP block
 * would turn them into features of full-scale noise or DC without a word.
 *
 * <p>Every problem with the content is reported as a {@link SignalFormatException}; the reader
 * never throws anything else for bad bytes and never loops on them.
 */
public final class WavReader {
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    /** The data size a streaming writer leaves in the header when it never learns the real one. */
    private static final long STREAMING_SIZE = 0xFFFFFFFFL;
    /** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE GUIDs for PCM and IEEE float; bytes 0..1 are the tag. */
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };
    private static final String CONVERT_HINT =
            "convert it to PCM 16-bit first (e.g. `sox in.wav -e signed-integer -b 16 out.wav`)";

    private WavReader() {
    }

    /** Reads a WAV file as it is (all channels, its own rate). */
    public static WavContent read(Path file) throws IOException {
        return decode(readBytes(file), file.toString());
    }

    /** Reads a WAV file and makes it meet {@code requirement} (rate, mono) or explains why it cannot. */
    public static Signal read(Path file, AudioRequirement requirement) throws IOException {
        return requirement.conform(read(file).signal(), file.toString());
    }

    static byte[] readBytes(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SignalFormatException(file.toString(), "file does not exist", e);
        } catch (OutOfMemoryError e) {
            throw new SignalFormatException(file.toString(), "file is too large to load into memory", e);
        }
    }

    /** Decodes WAV bytes; {@code source} names the file in error messages. */
    public static WavContent decode(byte[] bytes, String source) throws SignalFormatException {
        if (bytes.length == 0) {
            throw new SignalFormatException(source, "file is empty (0 bytes); re-record or re-export it");
        }
        if (bytes.length < 12) {
            throw new SignalFormatException(source, "too short to be a WAV file (" + bytes.length
                    + " bytes; a RIFF/WAVE header alone is 12)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String riff = fourCc(bytes, 0);
        if (riff.equals("RF64") || riff.equals("RIFX")) {
            throw new SignalFormatException(source, riff + " files are not supported; " + CONVERT_HINT);
        }
        if (!riff.equals("RIFF") || !fourCc(bytes, 8).equals("WAVE")) {
            throw new SignalFormatException(source, "not a WAV file (no RIFF/WAVE header); "
                    + "export the recording as WAV");
        }
        List<String> warnings = new ArrayList<>();
        long declaredDataSize = -1; // of a truncated data chunk, else -1
        Format format = null;
        int dataOffset = -1;
        long dataSize = -1;
        int pos = 12;
        while (pos + 8 <= bytes.length && (format == null || dataOffset < 0)) {
            String id = fourCc(bytes, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            long available = bytes.length - (long) body;
            if (id.equals("fmt ")) {
                if (size > available) {
                    throw new SignalFormatException(source, "truncated header: the 'fmt ' chunk claims "
                            + size + " bytes but the file ends after " + available);
                }
                format = parseFormat(buf, body, (int) size, source);
            } else if (id.equals("data")) {
                dataOffset = body;
                dataSize = size;
                if (size > available) {
                    if (size != STREAMING_SIZE) {
                        declaredDataSize = size;
                    }
                    warnings.add("data chunk claims " + size + " bytes but only " + available
                            + " are in the file; reading what is there");
                    dataSize = available;
                    if (format == null) {
                        break; // nothing can follow a data chunk that runs to the end of the file
                    }
                }
            } else if (size > available && format == null) {
                throw new SignalFormatException(source, "corrupt header: chunk '" + printable(id)
                        + "' claims " + size + " bytes but the file ends after " + available);
            }
            long next = body + size + (size & 1);
            if (next > bytes.length) {
                break;
            }
            pos = (int) next;
        }
        if (format == null) {
            throw new SignalFormatException(source, "no 'fmt ' chunk found; the file is truncated or not a "
                    + "WAV file");
        }
        if (dataOffset < 0) {
            throw new SignalFormatException(source, "no 'data' chunk found; the file is truncated or holds no audio");
        }
        if (dataSize == 0) {
            throw new SignalFormatException(source, "has no audio samples (the data chunk is empty)");
        }
        int frameBytes = format.channels * format.encoding.bytesPerSample();
        long frames = dataSize / frameBytes;
        if (declaredDataSize >= 0) {
            throw new SignalFormatException(source, "is truncated: its data chunk declares " + declaredDataSize
                    / frameBytes + " samples but the file holds " + frames + "; re-export or re-record it");
        }
        if (frames == 0) {
            throw new SignalFormatException(source, "data chunk holds " + dataSize + " bytes, less than one "
                    + "frame (" + frameBytes + " bytes); the file is truncated");
        }
        if (dataSize % frameBytes != 0) {
            warnings.add("data chunk ends with " + (dataSize % frameBytes) + " bytes of a partial frame; ignored");
        }
        float[] samples = decodeSamples(buf, dataOffset, (int) (frames * format.channels), format.encoding);
        requireFinite(samples, format, source);
        return new WavContent(new Signal(format.sampleRate, format.channels, samples), format.encoding, warnings);
    }

    private record Format(int channels, int sampleRate, WavEncoding encoding) {
    }

    private static Format parseFormat(ByteBuffer buf, int at, int size, String source) throws SignalFormatException {
        if (size < 16) {
            throw new SignalFormatException(source, "corrupt header: 'fmt ' chunk has " + size
                    + " bytes, at least 16 are needed");
        }
        int tag = Short.toUnsignedInt(buf.getShort(at));
        int channels = Short.toUnsignedInt(buf.getShort(at + 2));
        long rate = Integer.toUnsignedLong(buf.getInt(at + 4));
        int bits = Short.toUnsignedInt(buf.getShort(at + 14));
        if (tag == WAVE_FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new SignalFormatException(source, "corrupt header: WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk has "
                        + size + " bytes, 40 are needed");
            }
            int subTag = Short.toUnsignedInt(buf.getShort(at + 24));
            for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
                if (buf.get(at + 26 + i) != SUBFORMAT_GUID_TAIL[i]) {
                    throw new SignalFormatException(source, "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format "
                            + "GUID; only PCM and IEEE float are supported; " + CONVERT_HINT);
                }
            }
            tag = subTag;
        }
        if (channels == 0) {
            throw new SignalFormatException(source, "corrupt header: 0 channels");
        }
        if (rate == 0 || rate > 10_000_000) {
            throw new SignalFormatException(source, "corrupt header: sample rate " + rate + " Hz");
        }
        WavEncoding encoding = WavEncoding.of(tag, bits);
        if (encoding == null) {
            throw new SignalFormatException(source, describeUnsupported(tag, bits) + "; " + CONVERT_HINT);
        }
        return new Format(channels, (int) rate, encoding);
    }

    /** NaN and infinities can only come from float encodings; integer PCM is finite by construction. */
    private static void requireFinite(float[] samples, Format format, String source) throws SignalFormatException {
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                int bad = 0;
                for (float v : samples) {
                    bad += Float.isFinite(v) ? 0 : 1;
                }
                throw new SignalFormatException(source, String.format(java.util.Locale.ROOT, "holds %d sample(s) that"
                        + " are not numbers (NaN or infinite), the first at %.3f s; the file is corrupt:"
                        + " re-export or re-record it", bad, (double) (i / format.channels) / format.sampleRate));
            }
        }
    }

    private static String describeUnsupported(int tag, int bits) {
        return switch (tag) {
            case WavEncoding.TAG_PCM -> bits + "-bit PCM is not supported (8, 16, 24 and 32 bit are)";
            case WavEncoding.TAG_FLOAT -> bits + "-bit float is not supported (32 and 64 bit are)";
            case 2, 0x11 -> "ADPCM-encoded audio is not supported";
            case 6 -> "A-law encoded audio is not supported";
            case 7 -> "\u03bc-law encoded audio is not supported";
            case 0x55 -> "MP3-in-WAV is not supported";
            default -> String.format("WAV format tag 0x%04X is not supported", tag);
        };
    }

    private static float[] decodeSamples(ByteBuffer buf, int offset, int count, WavEncoding encoding) {
        float[] out = new float[count];
        int p = offset;
        switch (encoding) {
            case PCM_U8 -> {
                for (int i = 0; i < count; i++, p++) {
                    out[i] = ((buf.get(p) & 0xFF) - 128) / 128f;
                }
            }
            case PCM_S16 -> {
                for (int i = 0; i < count; i++, p += 2) {
                    out[i] = buf.getShort(p) / 32768f;
                }
            }
            case PCM_S24 -> {
                for (int i = 0; i < count; i++, p += 3) {
                    int v = (buf.get(p) & 0xFF) | (buf.get(p + 1) & 0xFF) << 8 | buf.get(p + 2) << 16;
                    out[i] = v / 8388608f;
                }
            }
            case PCM_S32 -> {
                for (int i = 0; i < count; i++, p += 4) {
                    out[i] = (float) (buf.getInt(p) / 2147483648.0);
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < count; i++, p += 4) {
                    out[i] = buf.getFloat(p);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < count; i++, p += 8) {
                    out[i] = (float) buf.getDouble(p);
                }
            }
            default -> throw new IllegalStateException(encoding.name());
        }
        return out;
    }

    private static String fourCc(byte[] bytes, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (bytes[at + i] & 0xFF);
        }
        return new String(c);
    }

    private static String printable(String fourCc) {
        StringBuilder sb = new StringBuilder();
        for (char c : fourCc.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }
}
