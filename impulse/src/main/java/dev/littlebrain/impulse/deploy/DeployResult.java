package dev.littlebrain.impulse.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * What a deploy wrote: the format, the output folder and each file with its size, in the order the format wrote
 * them ({@code deploy} prints one {@code wrote FILE} line each).
 *
 * @param outDir the output folder as given; the files' paths start with it (paths are strings in JSON)
 */
@JsonPropertyOrder({"format", "out_dir", "files"})
public record DeployResult(String format,
        @JsonProperty("out_dir") Path outDir, List<File> files) {

    public DeployResult {
        files = List.copyOf(files);
    }

    /** One file written, as it lies in the output folder. */
    @JsonPropertyOrder({"path", "bytes"})
    public record File(Path path, long bytes) {
    }

    /** The files' paths, in order. */
    @JsonIgnore
    public List<Path> paths() {
        return files.stream().map(File::path).toList();
    }
}
