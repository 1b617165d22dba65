package dev.littlebrain.data.output;

import dev.littlebrain.data.DatasetException;
import dev.littlebrain.files.StagedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rule for a folder that a command builds anew and swaps in (a curated dataset, a streams folder): it may
 * be a new folder, an empty one, or one LittleBrain wrote itself and that holds nothing else — never the source
 * the command reads, a folder inside it or holding it, the current folder, or a folder holding anyone's files.
 * Replacing a folder deletes what it held, so every doubt is a refusal naming the folder.
 */
public final class ReplaceableFolder {
    /** The file that marks a project folder (the cli's {@code ImpulseConfig.FILE_NAME}). */
    private static final String PROJECT_FILE = "impulse.yaml";

    private ReplaceableFolder() {
    }

    /** {@link #require} as the guard of a {@link StagedFolder} that replaces {@code target}. */
    public static StagedFolder.Guard guard(Path target, Optional<Path> source, FolderRecord record) {
        return () -> require(target, source, record);
    }

    /**
     * Checks that {@code target} may be replaced by what is built from {@code source}.
     *
     * @param source the folder the command reads; empty when it reads none
     * @throws DatasetException naming the folder and what to do, when it may not
     */
    public static void require(Path target, Optional<Path> source, FolderRecord record) throws IOException {
        Path real = realPath(target);
        if (source.isPresent()) {
            Path from = realPath(source.get());
            if (real.equals(from)) {
                throw refusal(target, "is the source dataset; write to a new folder");
            }
            if (real.startsWith(from)) {
                throw refusal(target, "is inside the source dataset " + source.get() + "; write to a folder outside it");
            }
            if (from.startsWith(real)) {
                throw refusal(target, "holds the source dataset " + source.get() + "; write to a new folder");
            }
        }
        if (Path.of("").toRealPath().startsWith(real)) {
            throw refusal(target, "is the current folder or holds it; write to a new folder, e.g. "
                    + target.resolve("data"));
        }
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw refusal(target, "is a file; write to a new folder");
        }
        List<String> files = filesIn(target);
        if (files.isEmpty()) {
            return;
        }
        if (Files.exists(target.resolve(PROJECT_FILE))) {
            throw refusal(target, "is a project folder (it holds " + PROJECT_FILE + "); its data goes to "
                    + target.resolve("data"));
        }
        Optional<Set<String>> listed = record.listedFiles(target);
        if (listed.isEmpty()) {
            throw refusal(target, "holds files LittleBrain did not write (such as " + files.get(0) + ") and would be"
                    + " replaced; write to a new folder");
        }
        for (String f : files) {
            if (!f.equals(record.fileName()) && !listed.get().contains(f)) {
                throw refusal(target, "holds " + f + ", which LittleBrain did not write there and which replacing"
                        + " the folder would delete; move it away or write to a new folder");
            }
        }
    }

    private static DatasetException refusal(Path target, String why) {
        return new DatasetException("refusing to replace " + target + ": it " + why);
    }

    /** Every file under {@code folder} that is not a directory (links included), relative, '/'-separated, sorted. */
    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** The real path of {@code path}, or of its nearest existing ancestor with the rest appended. */
    static Path realPath(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute));
    }
}
