package dev.littlebrain.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A dataset folder on this machine as the Data page's import names it: checked to be one, and its label folders
 * listed (names only, never a file's contents) so that the page can offer them as keywords.
 *
 * <pre>
 * GET /api/data/folders?path=/data/speech   {"path": "/data/speech", "folders": ["_background_noise_", "no", "yes"]}
 * </pre>
 */
final class DatasetFolders {
    /** Edge Impulse exports keep their labels in file names under these, not in folder names. */
    private static final List<String> SPLIT_FOLDERS = List.of("training", "testing");

    private DatasetFolders() {
    }

    static void register(RouteTable routes) {
        routes.get("/api/data/folders", ex -> {
            Path folder = folder(ex.query("path").orElse(""));
            ex.json(Map.of("path", folder.toString(), "folders", subfolders(folder)));
        });
    }

    /**
     * The folder {@code given} names ({@code ~/} for the home folder, a relative path from where the studio was
     * started), as its real path.
     *
     * @throws StudioException 400 when it is not a folder
     */
    static Path folder(String given) throws IOException {
        String path = given.strip();
        if (path.isEmpty()) {
            throw StudioException.badRequest("name a dataset folder, e.g. /home/me/speech_commands");
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path folder;
        try {
            folder = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw StudioException.badRequest("'" + given + "' is not a path: " + e.getReason());
        }
        if (!Files.exists(folder)) {
            throw StudioException.badRequest(folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw StudioException.badRequest(folder + " is a file, not a dataset folder");
        }
        return folder.toRealPath();
    }

    /** The folders directly in {@code folder}, sorted, hidden ones left out. */
    static List<String> subfolders(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    /**
     * Refuses a keyword that names no label folder of {@code folder} (a dataset laid out as Speech Commands is, one
     * folder per word) before a long import finds no clips of it. An Edge Impulse export, whose labels are in its
     * file names, is left to the import.
     */
    static void requireKeywords(Path folder, List<String> keywords) throws IOException {
        List<String> folders = subfolders(folder);
        if (folders.stream().anyMatch(SPLIT_FOLDERS::contains)) {
            return;
        }
        List<String> labels = folders.stream().filter(name -> !name.startsWith("_")).toList();
        for (String keyword : keywords) {
            if (!labels.contains(keyword)) {
                throw StudioException.badRequest("keyword '" + keyword + "' has no folder in " + folder
                        + (labels.isEmpty() ? " (it has no label folders)" : "; its label folders: "
                        + String.join(", ", labels)));
            }
        }
    }
}
