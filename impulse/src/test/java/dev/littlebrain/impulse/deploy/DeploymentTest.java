package dev.littlebrain.impulse.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Project#deploy}: the record says exactly what lies in the output folder, and nothing else is touched. */
class DeploymentTest {
    @TempDir
    Path tmp;

    /** A kws project (mfcc defaults: 650 features) holding a 650-input conformance model as its own. */
    private Project kwsProject() throws IOException {
        Project p = Project.create(tmp.resolve("kws"), "kws");
        Files.createDirectories(p.layout().models());
        Files.copy(SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite"), p.layout().int8Model());
        Files.writeString(p.layout().trainingRecord(), "{\"labels\": [\"yes\", \"no\", \"_unknown_\", \"_noise_\"]}");
        return p;
    }

    private static Set<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void standaloneCOfAProjectIsModelDspAndClassifierAsTheRecordSays() throws IOException {
        Project p = kwsProject();
        Path out = tmp.resolve("out");
        DeployResult r = p.deploy(DeployFormats.C_STANDALONE, out, DeployOptions.DEFAULTS);

        assertEquals("c-standalone", r.format());
        assertEquals(out, r.outDir());
        assertEquals(Set.of("lb_model.h", "lb_model.c", "lb_kernels.h", "lb_kernels.c", "lb_dsp.h", "lb_dsp.c",
                "lb_classifier.h", "lb_classifier.c"), filesUnder(out));
        assertEquals(filesUnder(out), r.paths().stream().map(f -> out.relativize(f).toString())
                .collect(Collectors.toCollection(TreeSet::new)));
        for (DeployResult.File f : r.files()) {
            assertTrue(f.path().startsWith(out), f.path().toString());
            assertEquals(Files.size(f.path()), f.bytes(), f.path().toString());
        }
        String classifier = Files.readString(out.resolve("lb_classifier.c"));
        assertTrue(classifier.contains("{\"yes\", \"no\", \"_unknown_\", \"_noise_\"}"), "the trained labels");
        // The project's continuous settings: 4 slices of the 1 s window at 16 kHz.
        assertTrue(Files.readString(out.resolve("lb_classifier.h")).contains("#define LB_SLICE_SAMPLES 4000"));

        JsonNode json = Json.mapper().valueToTree(r);
        assertEquals(out.toString(), json.get("out_dir").asText());
        assertEquals(r.files().get(0).path().toString(), json.get("files").get(0).get("path").asText());
        assertEquals(r.files().get(0).bytes(), json.get("files").get(0).get("bytes").asLong());
    }

    @Test
    void continuousSettingsAreTheCallersWhenGiven() throws IOException {
        Project p = kwsProject();
        Path out = tmp.resolve("out");
        ContinuousSettings twoSlices = (rate, window, labels, project) -> ContinuousSettings.PROJECT.config(rate, window,
                labels, new dev.littlebrain.impulse.ImpulseConfig.Continuous(2, project.average(), project.threshold(),
                        project.suppressionMs()));
        p.deploy(DeployFormats.C_STANDALONE, out, DeployOptions.DEFAULTS.withContinuous(twoSlices));
        assertTrue(Files.readString(out.resolve("lb_classifier.h")).contains("#define LB_SLICE_SAMPLES 8000"));
    }

    @Test
    void anExistingFolderKeepsWhatTheDeployDidNotWrite() throws IOException {
        Project p = kwsProject();
        Path out = Files.createDirectories(tmp.resolve("firmware"));
        Files.writeString(out.resolve("main.c"), "int main(void) { return 0; }\n");
        Files.writeString(out.resolve("lb_model.c"), "old\n");
        DeployResult r = p.deploy(DeployFormats.C_STANDALONE, out, DeployOptions.DEFAULTS);
        assertEquals("int main(void) { return 0; }\n", Files.readString(out.resolve("main.c")));
        assertTrue(Files.readString(out.resolve("lb_model.c")).contains("lb_invoke"), "replaced by the export's own");
        assertFalse(r.paths().contains(out.resolve("main.c")));
        assertEquals(r.files().size() + 1, filesUnder(out).size());
    }

    @Test
    void aRefusedExportLeavesTheFolderAsItWas() throws IOException {
        Project p = kwsProject();
        Files.writeString(p.layout().config(), Files.readString(p.layout().config()).replace("block: mfcc", "block: mfe"));
        Project mfe = Project.open(p.layout().dir());
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mfe.deploy(DeployFormats.C_STANDALONE, out, DeployOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("3960 features") && e.getMessage().contains("takes 650"), e.getMessage());
        assertEquals(Set.of("keep.txt"), filesUnder(out));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of(), siblings.filter(f -> f.getFileName().toString().contains(".deploy-")).toList(),
                    "no staging folder left behind");
        }
    }

    @Test
    void theByteFormatsNeedNoLabelsAndAProjectTakesNoneFromTheCaller() throws IOException {
        Project p = kwsProject();
        Files.delete(p.layout().trainingRecord());
        DeployResult r = p.deploy(DeployFormats.TFLITE, tmp.resolve("out"), DeployOptions.DEFAULTS);
        // The project's model keeps its path inside the project (as deploy --project has always written it).
        assertEquals(List.of(tmp.resolve("out/models/model_int8.tflite")), r.paths());
        assertArrayEquals(Files.readAllBytes(p.layout().int8Model()), Files.readAllBytes(r.paths().get(0)));
        IllegalArgumentException untrained = assertThrows(IllegalArgumentException.class,
                () -> p.deploy(DeployFormats.C_STANDALONE, tmp.resolve("c"), DeployOptions.DEFAULTS));
        assertEquals(p.layout().trainingRecord() + " is missing; run 'littlebrain train' first", untrained.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.deploy(DeployFormats.TFLITE, tmp.resolve("out"),
                DeployOptions.DEFAULTS.withLabels(List.of("a", "b", "c", "d"))));
        assertFalse(Files.exists(tmp.resolve("c")));
    }

    @Test
    void aBareModelCarriesTheCallersLabelsAndSymbol() throws IOException {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        DeployResult c = Deployment.ofModel(model, DeployFormats.C_STANDALONE, tmp.resolve("c"),
                DeployOptions.DEFAULTS.withLabels(List.of("a", "b", "c", "d")));
        assertEquals(Set.of("lb_model.h", "lb_model.c", "lb_kernels.h", "lb_kernels.c"), filesUnder(tmp.resolve("c")));
        assertTrue(Files.readString(tmp.resolve("c/lb_model.h")).contains("\"a\", \"b\", \"c\", \"d\""));
        assertEquals(4, c.files().size());
        DeployResult array = Deployment.ofModel(model, DeployFormats.C_ARRAY, tmp.resolve("a"),
                DeployOptions.DEFAULTS.withSymbol("kws_model"));
        assertTrue(Files.readString(array.paths().get(0)).contains("kws_model"));
        DeployResult zip = Deployment.ofModel(model, DeployFormats.ARDUINO, tmp.resolve("z"), DeployOptions.DEFAULTS);
        assertEquals(List.of(tmp.resolve("z/LittleBrain_model.zip")), zip.paths());
    }
}
