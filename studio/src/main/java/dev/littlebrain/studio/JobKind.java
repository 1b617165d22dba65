package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a studio job does: the CLI's {@code features}, {@code train}, {@code test}, {@code test --stream}
 * ({@code stream}) and {@code data import} ({@code import}), on the impulse library.
 */
public enum JobKind {
    FEATURES, TRAIN, TEST, STREAM, IMPORT;

    /** The name the API and the pages use ("train"). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "a train job", "an import job": how messages name a job of this kind. */
    String aJob() {
        return (this == IMPORT ? "an " : "a ") + id() + " job";
    }

    /** The kind named {@code id}; an unknown name is a 400 listing the known ones. */
    static JobKind parse(String id) {
        for (JobKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw StudioException.badRequest("unknown job kind '" + id + "': one of "
                + Arrays.stream(values()).map(JobKind::id).collect(Collectors.joining(", ")));
    }
}
