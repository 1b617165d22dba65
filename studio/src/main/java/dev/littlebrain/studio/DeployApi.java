package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.deploy.profile.Board;
import dev.littlebrain.files.StagedFolder;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.deploy.DeployFormat;
import dev.littlebrain.impulse.deploy.DeployFormats;
import dev.littlebrain.impulse.deploy.DeployOptions;
import dev.littlebrain.impulse.deploy.DeployResult;
import dev.littlebrain.impulse.profile.DeviceProfile;
import dev.littlebrain.impulse.profile.ProfileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Deployment: the page, the formats and boards to choose from ({@code GET /api/deploy}), {@code profile}'s table
 * for the project ({@code GET /api/profile}) and the export as a zip download ({@code POST /api/deploy}). The export
 * is written to a temporary folder outside the project and deleted once zipped: the project gets nothing but what
 * {@code Project.deploy} itself writes there.
 */
final class DeployApi {
    private static final long BODY_LIMIT = 64 * 1024;

    private final Path projectDir;

    DeployApi(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** What the page offers: the formats with what they write, the boards, the impulse's target. */
    public record Choices(List<DeployFormat> formats, List<BoardChoice> boards, String target,
            @JsonProperty("int8_model") boolean int8Model) {
    }

    public record BoardChoice(String id, String name, String core, @JsonProperty("clock_mhz") int clockMhz,
            @JsonProperty("ram_kb") int ramKb, @JsonProperty("flash_kb") int flashKb) {
        static BoardChoice of(Board b) {
            return new BoardChoice(b.id(), b.name(), b.core(), b.clockMhz(), b.ramKb(), b.flashKb());
        }
    }

    /** A download asked for: the format and the settings it reads (absent: the defaults). */
    public record Request(String format, Optional<String> symbol, @JsonProperty("library_name") Optional<String> libraryName) {
    }

    void register(RouteTable routes) {
        routes.get("/api/deploy", ex -> ex.json(choices()))
                .get("/api/profile", this::profile)
                .post("/api/deploy", this::deploy);
    }

    private Choices choices() throws IOException {
        Project project = Project.open(projectDir);
        return new Choices(DeployFormats.all(), project.impulse().allBoards().stream().map(BoardChoice::of).toList(),
                project.impulse().target(), Files.isRegularFile(project.layout().int8Model()));
    }

    /**
     * {@code profile}'s rows for every board (the built-in ones and the project's own); from the RAM and flash tables
     * unless {@code ?measure=true} asks for arm-none-eabi-gcc builds (seconds) where it is installed.
     */
    private void profile(Exchange ex) throws Exception {
        Project project = Project.open(projectDir);
        requireModel(project);
        boolean measure = ex.query("measure").map(Boolean::parseBoolean).orElse(false);
        List<DeviceProfile> rows = project.profile(ProfileOptions.DEFAULTS.withEstimateOnly(!measure));
        ex.json(rows);
    }

    private void deploy(Exchange ex) throws Exception {
        Request request = ex.bodyJson(Request.class, BODY_LIMIT);
        if (request.format() == null) {
            throw StudioException.badRequest("which format? one of " + DeployFormats.choices());
        }
        DeployFormat format = DeployFormats.find(request.format()).orElseThrow(() -> StudioException.badRequest(
                "unknown format '" + request.format() + "'; choose " + DeployFormats.choices()));
        Project project = Project.open(projectDir);
        requireModel(project);
        DeployOptions options = DeployOptions.DEFAULTS;
        if (request.symbol().isPresent()) {
            options = options.withSymbol(request.symbol().get());
        }
        if (request.libraryName().isPresent()) {
            options = options.withLibraryName(request.libraryName().get());
        }
        // The project folder's name, made safe for a file name and a header.
        String name = project.layout().dir().toAbsolutePath().normalize().getFileName().toString()
                .replaceAll("[^A-Za-z0-9._-]", "_") + "-" + format.name();
        Path temp = Files.createTempDirectory("littlebrain-studio-deploy");
        try {
            DeployResult result;
            try {
                result = project.deploy(format, temp.resolve(name), options);
            } catch (IllegalArgumentException e) {
                throw StudioException.badRequest(e.getMessage());
            }
            byte[] zip = ExportZip.of(result);
            ex.response().getHeaders().put("Content-Disposition", "attachment; filename=\"" + ExportZip.fileName(result,
                    name) + "\"");
            ex.bytes(200, "application/zip", zip);
        } finally {
            StagedFolder.deleteTree(temp);
        }
    }

    private static void requireModel(Project project) {
        if (!Files.isRegularFile(project.layout().int8Model())) {
            throw StudioException.conflict("the project has no int8 model yet: train it first (Training page)");
        }
    }
}
