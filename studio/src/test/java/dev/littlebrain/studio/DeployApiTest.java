package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.profile.DeviceProfile;
import dev.littlebrain.impulse.profile.ProfileOptions;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployment over real HTTP on a trained motion project: the formats and boards, profile's table as the library
 * gives it, a zip download per format with nothing written in the project; without a model, 409 with one line.
 */
@Tag("slow")
class DeployApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    private static Project project;
    private static Studio studio;

    @BeforeAll
    static void start() throws Exception {
        project = TrainedMotionProject.get();
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        studio.close();
    }

    private static HttpResponse<byte[]> send(Studio to, String method, String path, String body) throws Exception {
        return new StudioClient(to).sendForBytes(method, path, body);
    }

    private static List<String> projectFiles() throws Exception {
        try (Stream<Path> all = Files.walk(project.layout().dir())) {
            return all.map(p -> project.layout().dir().relativize(p) + " " + p.toFile().lastModified()).sorted()
                    .toList();
        }
    }

    @Test
    void theChoicesAreTheLibrarysFormatsAndBoards() throws Exception {
        HttpResponse<byte[]> r = send(studio, "GET", "/api/deploy", null);
        assertEquals(200, r.statusCode());
        JsonNode d = JSON.readTree(r.body());
        List<String> formats = new ArrayList<>();
        d.get("formats").forEach(f -> formats.add(f.get("name").asText()));
        assertEquals(List.of("tflite", "c-array", "c-standalone", "tflm-cpp", "arduino"), formats);
        assertEquals(project.impulse().target(), d.get("target").asText());
        assertTrue(d.get("int8_model").asBoolean());
        assertEquals(200, send(studio, "GET", "/deployment", null).statusCode());
    }

    @Test
    void theProfileTableIsTheLibrarys() throws Exception {
        HttpResponse<byte[]> r = send(studio, "GET", "/api/profile", null);
        assertEquals(200, r.statusCode(), new String(r.body()));
        List<DeviceProfile> expected = project.profile(ProfileOptions.DEFAULTS.withEstimateOnly(true));
        assertEquals(JSON.readTree(Exchange.JSON.writeValueAsBytes(expected)), JSON.readTree(r.body()));
    }

    @Test
    void everyFormatDownloadsAsAZipAndTheProjectIsLeftAlone() throws Exception {
        List<String> before = projectFiles();
        for (String format : List.of("tflite", "c-array", "c-standalone", "tflm-cpp", "arduino")) {
            HttpResponse<byte[]> r = send(studio, "POST", "/api/deploy", "{\"format\": \"" + format + "\"}");
            assertEquals(200, r.statusCode(), format + ": " + new String(r.body()));
            assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
            String disposition = r.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.startsWith("attachment; filename=\"") && disposition.endsWith(".zip\""), disposition);
            List<String> entries = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.add(e.getName());
                }
            }
            assertTrue(!entries.isEmpty(), format);
            if (format.equals("c-standalone")) {
                assertTrue(entries.contains("gestures-c-standalone/lb_classifier.c"), entries.toString());
            }
        }
        assertEquals(before, projectFiles(), "nothing written in the project");
        HttpResponse<byte[]> unknown = send(studio, "POST", "/api/deploy", "{\"format\": \"exe\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(new String(unknown.body()).contains("unknown format 'exe'"), new String(unknown.body()));
    }

    @Test
    void withoutAModelTheDeploymentSaysTrainFirst() throws Exception {
        Project untrained = Project.create(tmp.resolve("untrained"), "motion");
        try (Studio bare = Studio.start(untrained.layout().dir(), "127.0.0.1", 0)) {
            for (HttpResponse<byte[]> r : List.of(send(bare, "GET", "/api/profile", null),
                    send(bare, "POST", "/api/deploy", "{\"format\": \"c-standalone\"}"))) {
                assertEquals(409, r.statusCode());
                assertTrue(JSON.readTree(r.body()).get("error").asText().contains("train it first"));
            }
        }
    }
}
