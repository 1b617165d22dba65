package dev.littlebrain.dsp.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Assumptions;

/** Locates and reads {@code shared/dsp-reference} (test-only; the real readers live in dsp.io). */
public final class ReferenceData {
    public static final List<String> AUDIO_INPUTS = List.of("kw_yes", "kw_stop", "unk_marvin", "noise_running_tap",
            "chirp_100_7000", "chirp_100_7000_loud");

    private ReferenceData() {
    }

    /** The reference folder, or skips the calling test with the reason. */
    public static Path root() {
        Optional<Path> found = locate();
        Assumptions.assumeTrue(found.isPresent(), () -> {
            String reason = "shared/dsp-reference not found (looked at ${littlebrain.root}/../shared and up from "
                    + Paths.get("").toAbsolutePath() + "); reference tests skipped";
            System.out.println(reason);
            return reason;
        });
        return found.get();
    }

    private static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("littlebrain.root");
        if (root != null && !root.isBlank()) {
            candidates.add(Paths.get(root).resolve("../shared/dsp-reference"));
            candidates.add(Paths.get(root).resolve("shared/dsp-reference"));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared/dsp-reference"));
        }
        return candidates.stream().map(Path::normalize).filter(p -> Files.isRegularFile(p.resolve("README.md")))
                .findFirst();
    }

    /** int16 sample values of a mono 16-bit PCM WAV as floats (not rescaled). */
    public static float[] wavSamples(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1 || f.isBigEndian()) {
                throw new IOException(wav + ": expected 16-bit little-endian mono PCM, got " + f);
            }
            byte[] bytes = in.readAllBytes();
            ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[bytes.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = bb.getShort();
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + ": " + e.getMessage(), e);
        }
    }

    public static float[] audio(Path root, String input) throws IOException {
        return wavSamples(root.resolve("inputs").resolve(input + ".wav"));
    }

    /** A headerless numeric CSV as rows of doubles. */
    public static double[][] csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Double.parseDouble(cells[i].trim());
            }
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }

    /** Motion CSV {@code timestamp_ms,accX,accY,accZ}: values interleaved per row, rounded to float32. */
    public static float[] motionInterleaved(Path root) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("inputs/motion_3axis.csv"));
        List<Float> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            for (int i = 1; i < cells.length; i++) {
                // Parse as float64 first, then round, as numpy's float32(array_of_float64) does.
                values.add((float) Double.parseDouble(cells[i].trim()));
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** Spectral CSV with header {@code index,axis,label,value}: [axis label, value] per row. */
    public static List<String[]> spectralCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",");
            rows.add(new String[] {c[1] + " " + c[2], c[3]});
        }
        return rows;
    }
}
