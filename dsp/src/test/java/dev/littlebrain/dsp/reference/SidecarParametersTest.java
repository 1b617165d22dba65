package dev.littlebrain.dsp.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Builds every Edge Impulse block through the factory from the exact {@code call} recorded in each
 * JSON sidecar (all parameter names Edge Impulse passed, stringified as an impulse file would hold
 * them) and checks the output against the sidecar's CSV.
 */
class SidecarParametersTest {
    private static final Set<String> NOT_PARAMETERS = Set.of("draw_graphs", "axes", "sampling_freq");

    @Tag("slow")
    @Test
    void everySidecarCallReproducesItsCsv() throws IOException {
        Path root = ReferenceData.root();
        ObjectMapper json = new ObjectMapper();
        List<Path> sidecars;
        try (Stream<Path> files = Files.walk(root.resolve("features"))) {
            sidecars = files.filter(p -> p.getFileName().toString().matches("ei_.*\\.json"))
                    .filter(p -> !p.getFileName().toString().contains("wrap_mask")).sorted().toList();
        }
        assertTrue(sidecars.size() >= 26, "sidecars found: " + sidecars.size());
        for (Path sidecar : sidecars) {
            JsonNode doc = json.readTree(sidecar.toFile());
            JsonNode call = doc.get("call");
            String block = doc.get("block").asText().split("/")[1].replace('_', '-');
            List<String> axes = new ArrayList<>();
            call.get("axes").forEach(a -> axes.add(a.asText()));
            SignalSpec signal = new SignalSpec(call.get("sampling_freq").asDouble(), axes);
            Map<String, String> params = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = call.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!NOT_PARAMETERS.contains(e.getKey())) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            DspBlock dsp = DspBlocks.create(block, signal, params);
            String inputFile = doc.get("input").get("file").asText();
            float[] input = inputFile.endsWith(".wav") ? ReferenceData.wavSamples(root.resolve(inputFile))
                    : ReferenceData.motionInterleaved(root);
            float[] got = dsp.process(input);
            String csvName = doc.get("output").get("file").asText();
            Path csv = sidecar.resolveSibling(csvName);
            double[] expected = block.equals("spectral-analysis")
                    ? ReferenceData.spectralCsv(csv).stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray()
                    : Stream.of(ReferenceData.csv(csv)).flatMapToDouble(java.util.Arrays::stream).toArray();
            Path mask = sidecar.resolveSibling("ei_mfe_wrap_mask.csv");
            double[] wrapped = block.equals("mfe") && Files.exists(mask)
                    ? Stream.of(ReferenceData.csv(mask)).flatMapToDouble(java.util.Arrays::stream).toArray() : null;
            assertEquals(expected.length, got.length, sidecar.toString());
            double tolerance = switch (block) {
                case "mfcc" -> 5e-3;
                case "spectrogram" -> 1e-5;
                case "spectral-analysis" -> 1e-4;
                default -> 1.0 / 256 + 1e-9;
            };
            for (int i = 0; i < got.length; i++) {
                double want = wrapped != null && wrapped[i] == 1.0 ? 1.0 : expected[i];
                assertEquals(want, got[i], tolerance, sidecar + " value " + i);
            }
        }
        System.out.println("dsp-reference sidecars: " + sidecars.size() + " EI calls reproduced through DspBlocks.create");
    }
}
