package dev.littlebrain.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.nio.file.Path;

/**
 * LittleBrain's one JSON configuration: every file it writes ({@code training.json}, manifests), every
 * {@code --json} output and every studio response goes through it, so the same record reads the same everywhere.
 *
 * <ul>
 *   <li>A {@link Path} is its plain string ({@code models/model_int8.tflite}), not Jackson's default
 *       {@code file:///...} URI, which would turn a relative path absolute.</li>
 *   <li>An {@link java.util.Optional} is its value or null, not {@code {"present": true}}.</li>
 *   <li>Unknown properties are ignored when reading, so a file written by a newer LittleBrain still reads.</li>
 * </ul>
 *
 * <p>The shared mapper is private (an {@code ObjectMapper} can be reconfigured by whoever holds it); callers get
 * the immutable {@link ObjectWriter}/{@link ObjectReader}, or their own {@link #mapper() copy}.
 */
public final class Json {
    private static final ObjectMapper MAPPER = configured();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter INDENTED = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    private static ObjectMapper configured() {
        SimpleModule paths = new SimpleModule("littlebrain-paths")
                .addSerializer(Path.class, ToStringSerializer.instance);
        return new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(paths)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** One line: what a {@code --json} output of records streamed one per line, or a compact file, uses. */
    public static ObjectWriter compact() {
        return COMPACT;
    }

    /** Indented, for files people read and for multi-line {@code --json} outputs. */
    public static ObjectWriter indented() {
        return INDENTED;
    }

    /** Reads JSON text into trees ({@code reader().readTree(...)}) or, {@code forType}, into records. */
    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    /** A mapper of one's own with this configuration, for an API that needs an {@code ObjectMapper}. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
