package dev.littlebrain.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavReaderTest {
    @TempDir
    Path dir;

    private static Signal randomSignal(int rate, int channels, int frames, long seed) {
        Random r = new Random(seed);
        float[] s = new float[frames * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (r.nextInt(65536) - 32768) / 32768f; // exactly representable in every encoding >= 16 bit
        }
        return new Signal(rate, channels, s);
    }

    @ParameterizedTest
    @EnumSource(WavEncoding.class)
    void roundTripsEveryEncodingAndChannelCount(WavEncoding encoding) throws IOException {
        for (int channels : new int[] {1, 2, 3}) {
            Signal signal = randomSignal(22050, channels, 257, channels);
            Path file = dir.resolve(encoding + "-" + channels + ".wav");
            WavWriter.write(file, signal, encoding);
            WavContent read = WavReader.read(file);
            assertEquals(encoding, read.encoding());
            assertEquals(22050, read.signal().sampleRate());
            assertEquals(channels, read.signal().channels());
            assertTrue(read.warnings().isEmpty(), read.warnings().toString());
            float tolerance = encoding == WavEncoding.PCM_U8 ? 1f / 128 : 0f;
            float[] expected = signal.interleaved();
            float[] actual = read.signal().interleaved();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], tolerance, encoding + " sample " + i);
            }
        }
    }

    @Test
    void int16ValuesAreTheFileIntegers() throws IOException {
        byte[] wav = new WavBytes().fmt(1, 1, 16000, 16).chunk("data", WavBytes.pcm16((short) -1234, (short) 32767,
                (short) -32768, (short) 0)).build();
        Signal s = WavReader.decode(wav, "x.wav").signal();
        assertArrayEquals(new float[] {-1234f, 32767f, -32768f, 0f}, s.toInt16Values());
        assertArrayEquals(wav, WavWriter.encode(s, WavEncoding.PCM_S16), "16-bit PCM re-encodes byte for byte");
    }

    @Test
    void skipsUnknownChunksAndHonoursOddPadding() throws SignalFormatException {
        byte[] wav = new WavBytes()
                .chunk("LIST", "INFOISFT\u0003\0\0\0ab\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .chunk("odd!", new byte[] {1, 2, 3}) // odd size: one pad byte follows
                .fmt(1, 1, 8000, 16)
                .chunk("fact", WavBytes.le32(2))
                .chunk("data", WavBytes.pcm16((short) 100, (short) -100))
                .chunk("cue ", new byte[4])
                .build();
        WavContent c = WavReader.decode(wav, "chunks.wav");
        assertArrayEquals(new float[] {100 / 32768f, -100 / 32768f}, c.signal().interleaved());
        assertEquals(8000, c.signal().sampleRate());
    }

    @Test
    void readsExtensibleFloatAndDownmixes() throws SignalFormatException {
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 0xFFFE).putShort((short) 2).putInt(48000).putInt(48000 * 8).putShort((short) 8)
                .putShort((short) 32).putShort((short) 22).putShort((short) 32).putInt(3).putShort((short) 3)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        data.putFloat(0.5f).putFloat(-0.25f).putFloat(1f).putFloat(0f);
        byte[] wav = new WavBytes().chunk("fmt ", fmt.array()).chunk("data", data.array()).build();
        Signal s = WavReader.decode(wav, "ext.wav").signal();
        assertEquals(2, s.channels());
        assertArrayEquals(new float[] {0.125f, 0.5f}, s.toMono().interleaved());
    }

    /** Issue 18: a clip cut off after 500 of its 16,000 samples was imported as if whole. */
    @Test
    void truncatedDataIsAnErrorNamingTheFile() {
        byte[] full = new WavBytes().fmt(1, 1, 16000, 16)
                .chunk("data", WavBytes.pcm16((short) 1, (short) 2, (short) 3, (short) 4)).build();
        byte[] cut = Arrays.copyOf(full, full.length - 3); // 2.5 samples missing
        SignalFormatException e = assertThrows(SignalFormatException.class, () -> WavReader.decode(cut, "cut.wav"));
        assertTrue(e.getMessage().startsWith("cut.wav") && e.getMessage().contains("truncated")
                && e.getMessage().contains("declares 4 samples but the file holds 2"), e.getMessage());
    }

    /** Issue 18: an all-NaN float clip became a full-scale DC "yes" training clip. */
    @Test
    void nanOrInfiniteSamplesAreAnErrorNamingTheFile() {
        ByteBuffer nan = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        nan.putFloat(Float.NaN).putFloat(Float.NaN).putFloat(Float.NaN).putFloat(Float.NaN);
        byte[] allNan = new WavBytes().fmt(3, 1, 16000, 32).chunk("data", nan.array()).build();
        SignalFormatException e = assertThrows(SignalFormatException.class, () -> WavReader.decode(allNan, "yes.wav"));
        assertTrue(e.getMessage().startsWith("yes.wav") && e.getMessage().contains("4 sample(s)")
                && e.getMessage().contains("NaN"), e.getMessage());
        ByteBuffer inf = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        inf.putDouble(0.5).putDouble(Double.NEGATIVE_INFINITY).putDouble(0);
        assertMessage(new WavBytes().fmt(3, 1, 8000, 64).chunk("data", inf.array()).build(), "infinite");
        ByteBuffer huge = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        huge.putDouble(1e300); // finite as a double, infinite as the float every block reads
        assertMessage(new WavBytes().fmt(3, 1, 8000, 64).chunk("data", huge.array()).build(), "infinite");
    }

    @Test
    void streamingHeaderWithMaxDataSizeReadsWhatIsThere() throws SignalFormatException {
        byte[] wav = new WavBytes().fmt(1, 1, 16000, 16).raw("data".getBytes())
                .raw(WavBytes.le32(-1)).raw(WavBytes.pcm16((short) 7, (short) 8)).build();
        assertEquals(2, WavReader.decode(wav, "stream.wav").signal().frames());
    }

    @Test
    void unsupportedEncodingsAreNamed() {
        assertMessage(new WavBytes().fmt(7, 1, 8000, 8).chunk("data", new byte[10]).build(), "law");
        assertMessage(new WavBytes().fmt(0x11, 1, 8000, 4).chunk("data", new byte[10]).build(), "ADPCM");
        assertMessage(new WavBytes().fmt(1, 1, 8000, 12).chunk("data", new byte[10]).build(), "12-bit PCM");
        assertMessage(new WavBytes().fmt(3, 1, 8000, 16).chunk("data", new byte[10]).build(), "16-bit float");
    }

    @Test
    void badFilesGiveClearMessages() {
        assertMessage(new byte[0], "empty");
        assertMessage("RIFF".getBytes(), "too short");
        assertMessage("RIFF\0\0\0\0AVI LIST".getBytes(), "not a WAV");
        assertMessage(new WavBytes().fmt(1, 1, 16000, 16).build(), "no 'data' chunk");
        assertMessage(new WavBytes().chunk("data", new byte[4]).build(), "no 'fmt ' chunk");
        assertMessage(new WavBytes().fmt(1, 1, 16000, 16).chunk("data", new byte[0]).build(), "data chunk is empty");
        assertMessage(new WavBytes().fmt(1, 0, 16000, 16).chunk("data", new byte[4]).build(), "0 channels");
        assertMessage(new WavBytes().fmt(1, 2, 16000, 16).chunk("data", new byte[2]).build(), "less than one frame");
        byte[] shortFmt = new WavBytes().chunk("fmt ", new byte[8]).chunk("data", new byte[4]).build();
        assertMessage(shortFmt, "'fmt ' chunk has 8 bytes");
        byte[] cutFmt = Arrays.copyOf(new WavBytes().fmt(1, 1, 16000, 16).build(), 30);
        assertMessage(cutFmt, "truncated header");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.wav");
        SignalFormatException e = assertThrows(SignalFormatException.class, () -> WavReader.read(missing));
        assertTrue(e.getMessage().contains("nope.wav") && e.getMessage().contains("does not exist"));
    }

    @Test
    void writesAtomicallyLeavingNoTempFiles() throws IOException {
        Path file = dir.resolve("a.wav");
        WavWriter.write(file, randomSignal(16000, 1, 10, 1), WavEncoding.PCM_S16);
        WavWriter.write(file, randomSignal(16000, 1, 20, 2), WavEncoding.PCM_S16);
        assertEquals(20, WavReader.read(file).signal().frames());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    private static void assertMessage(byte[] wav, String expected) {
        SignalFormatException e = assertThrows(SignalFormatException.class, () -> WavReader.decode(wav, "bad.wav"));
        assertTrue(e.getMessage().startsWith("bad.wav: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
