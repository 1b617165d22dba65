package dev.littlebrain.data.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The file by which LittleBrain proves that it wrote a folder (a curated dataset's {@code manifest.json}, a
 * streams folder's list), and the files that record lists. Only a folder whose every file is listed may be
 * replaced: anything else in it is somebody's work.
 */
public interface FolderRecord {
    /** The record's own file name, inside the folder. */
    String fileName();

    /**
     * The files the record lists, relative to {@code folder} with '/' separators; empty when the folder holds no
     * such record or the record is not LittleBrain's.
     */
    Optional<Set<String>> listedFiles(Path folder) throws IOException;
}
