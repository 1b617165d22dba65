package dev.littlebrain.impulse.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test --stream}'s detection per 5 dB SNR band, from streams_detail.csv's snr_db column. */
class SnrBandsTest {

    private static final String DETAIL = "file,start_ms,end_ms,label,speaker,snr_db\n"
            + "s1.wav,1000,1400,yes,aa,2.5\n"
            + "s1.wav,3000,3300,go,bb,1.0\n"
            + "s1.wav,5000,5400,no,bb,4.9\n"
            + "s2.wav,1000,1500,yes,bb,17.0\n"
            + "s2.wav,3000,3400,no,aa,5.0\n";

    @Test
    void keywordsAreCountedInTheirBandAndMissesLowerItsRate(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve(StreamEvaluation.DETAIL), DETAIL);
        Map<String, Double> snr = SnrBands.read(tmp.resolve("streams.csv"));
        List<StreamEvaluation.Utterance> truth = List.of(
                new StreamEvaluation.Utterance("s1.wav", 1000, 1400, "yes"),
                new StreamEvaluation.Utterance("s1.wav", 3000, 3300, "go"),
                new StreamEvaluation.Utterance("s1.wav", 5000, 5400, "no"),
                new StreamEvaluation.Utterance("s2.wav", 1000, 1500, "yes"),
                new StreamEvaluation.Utterance("s2.wav", 3000, 3400, "no"));
        List<StreamEvaluation.Utterance> misses = List.of(truth.get(2));

        List<SnrBands.Band> bands = SnrBands.of(truth, Set.of("yes", "no"), misses, snr);

        // "go" is no keyword; 5.0 dB opens the 5-10 band; the 10-15 band has no keyword and is left out.
        assertEquals(List.of(new SnrBands.Band(0, 2, 1), new SnrBands.Band(5, 1, 1), new SnrBands.Band(15, 1, 1)),
                bands);
        assertEquals("  by SNR: 0-5 dB 0.500 (1 of 2), 5-10 dB 1.000 (1 of 1), 15-20 dB 1.000 (1 of 1)",
                SnrBands.line(bands));
        assertEquals("0-5", SnrBands.json(bands).get(0).band());
    }

    @Test
    void withoutSnrsThereAreNoBands(@TempDir Path tmp) throws Exception {
        assertTrue(SnrBands.read(tmp.resolve("streams.csv")).isEmpty(), "no detail file");
        Files.writeString(tmp.resolve(StreamEvaluation.DETAIL), "file,start_ms,end_ms,label,speaker\n"
                + "s1.wav,1000,1400,yes,aa\n");
        assertTrue(SnrBands.read(tmp.resolve("streams.csv")).isEmpty(), "no snr_db column");
        assertTrue(SnrBands.of(List.of(new StreamEvaluation.Utterance("s1.wav", 1000, 1400, "yes")), Set.of("yes"),
                List.of(), Map.of()).isEmpty());
    }

    @Test
    void anSnrThatIsNoNumberIsOneClearError(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve(StreamEvaluation.DETAIL), "file,start_ms,end_ms,label,speaker,snr_db\n"
                + "s1.wav,1000,1400,yes,aa,loud\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnrBands.read(tmp.resolve("streams.csv")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("loud"), e.getMessage());
    }
}
