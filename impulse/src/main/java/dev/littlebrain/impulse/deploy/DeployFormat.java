package dev.littlebrain.impulse.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One way to export a model for a device: its name (as {@code deploy --format} takes it), a title, what it writes,
 * the {@link DeployOption}s it reads, and the exporter that writes it. {@link DeployFormats} lists them all.
 *
 * @param options what the format reads; {@link DeployOption#LABELS} and {@link DeployOption#CONTINUOUS} also say
 *                whether a deploy must know the model's labels and, for a project, build its DSP front end
 */
@JsonPropertyOrder({"name", "title", "writes", "options"})
public record DeployFormat(String name, String title, String writes, Set<DeployOption> options,
        @JsonIgnore Exporter exporter) {

    /** Writes a format's files for one model (and, from a project, its front end) into a folder. */
    @FunctionalInterface
    public interface Exporter {
        /** Writes {@code job} into {@code folder}; returns the files written, as they lie in {@code folder}. */
        List<Path> write(ExportJob job, Path folder) throws IOException;
    }

    public DeployFormat {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("deploy format name '" + name + "' must be lower-case words joined by -");
        }
        // In declaration order, so that a descriptor reads (and serialises) the same every run.
        options = options.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(options));
    }

    /** Whether the files carry the output's labels (the byte-copy formats have no header to put them in). */
    public boolean carriesLabels() {
        return options.contains(DeployOption.LABELS);
    }

    /** Whether a project's export adds the impulse's DSP and classifier wrapper. */
    public boolean carriesFrontEnd() {
        return options.contains(DeployOption.CONTINUOUS);
    }
}
