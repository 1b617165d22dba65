package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.deploy.DeployFormats;
import dev.littlebrain.impulse.deploy.DeployOptions;
import dev.littlebrain.impulse.deploy.DeployResult;
import dev.littlebrain.impulse.profile.ProfileOptions;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands print what the library returns: {@code profile --json} is the records, {@code deploy} their files. */
class DeployProfileServiceTest {
    private static final ObjectWriter JSON = Json.indented();

    @Test
    void profileJsonIsTheServicesRecords(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("kws");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        Files.createDirectories(p.resolve("models"));
        Files.copy(SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite"),
                p.resolve("models/model_int8.tflite"));
        ProfileOptions tables = ProfileOptions.DEFAULTS.withEstimateOnly(true);

        CliRun all = CliRun.of("profile", "--project", p.toString(), "--json", "--estimate-only");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals(JSON.writeValueAsString(Project.open(p).profile(tables)) + System.lineSeparator(), all.out());

        CliRun one = CliRun.of("profile", "--project", p.toString(), "--target", "pico", "--slice-ms", "500", "--json",
                "--estimate-only");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(JSON.writeValueAsString(Project.open(p).profile(tables.withTarget("pico").withSliceMs(500)).get(0))
                + System.lineSeparator(), one.out());
    }

    @Test
    void deployPrintsTheFilesOfTheServicesRecord(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("kws");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        Files.createDirectories(p.resolve("models"));
        Files.copy(SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite"),
                p.resolve("models/model_int8.tflite"));
        Files.writeString(p.resolve("models/training.json"), "{\"labels\": [\"yes\", \"no\", \"_unknown_\", \"_noise_\"]}");
        CliRun cli = CliRun.of("deploy", "--project", p.toString(), "--format", "tflm-cpp", "--out",
                tmp.resolve("a").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        DeployResult r = Project.open(p).deploy(DeployFormats.TFLM_CPP, tmp.resolve("b"), DeployOptions.DEFAULTS);
        String expected = r.paths().stream().map(f -> "wrote " + tmp.resolve("a").resolve(tmp.resolve("b").relativize(f))
                + System.lineSeparator()).collect(Collectors.joining());
        assertEquals(expected, cli.out());
        for (DeployResult.File f : r.files()) {
            Path same = tmp.resolve("a").resolve(tmp.resolve("b").relativize(f.path()));
            assertEquals(Files.readString(f.path()), Files.readString(same), same.toString());
        }
    }
}
