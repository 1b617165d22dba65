package dev.littlebrain.dsp.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Edge Impulse data-acquisition format:
 * <pre>{"protected": {...}, "signature": "...", "payload": {"device_type": "...", "interval_ms": 16,
 *   "sensors": [{"name": "accX", "units": "m/s2"}, ...], "values": [[x, y, z], ...]}}</pre>
 *
 * <p>The reader streams the document so that errors can name the line of the bad value. Signatures
 * are not verified (LittleBrain is offline and has no keys); files are written unsigned
 * ({@code "alg": "none"}, a signature of zeros), which Edge Impulse accepts as unsigned data.
 * A single-axis file may hold {@code values} as a flat list of numbers.
 */
public final class EdgeImpulseJson {
    private static final JsonFactory JSON = new ObjectMapper().getFactory();
    private static final String UNSIGNED = "0".repeat(64);

    private EdgeImpulseJson() {
    }

    public static SensorSeries read(Path file) throws IOException {
        return parse(WavReader.readBytes(file), file.toString());
    }

    /** Parses the JSON bytes; {@code source} names the file in error messages. */
    public static SensorSeries parse(byte[] json, String source) throws SignalFormatException {
        if (json.length == 0) {
            throw new SignalFormatException(source, "file is empty; expected an Edge Impulse JSON sample");
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(source, p, "expected a JSON object with a \"payload\"");
            }
            SensorSeries series = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("payload")) {
                    series = readPayload(p, source);
                } else {
                    p.skipChildren();
                }
            }
            if (series == null) {
                throw new SignalFormatException(source, "no \"payload\" object; not an Edge Impulse data "
                        + "acquisition file");
            }
            return series;
        } catch (SignalFormatException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new SignalFormatException(source, "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": malformed JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new SignalFormatException(source, "cannot parse JSON: " + e.getMessage(), e);
        }
    }

    private static SensorSeries readPayload(JsonParser p, String source) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(source, p, "\"payload\" must be an object");
        }
        String deviceType = "";
        Double interval = null;
        List<String> axes = null;
        List<String> units = null;
        List<float[]> rows = null;
        List<Integer> rowLines = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "device_type" -> deviceType = t == JsonToken.VALUE_NULL ? "" : p.getValueAsString("");
                case "interval_ms" -> {
                    if (!t.isNumeric() || !(p.getDoubleValue() > 0) || !Double.isFinite(p.getDoubleValue())) {
                        throw error(source, p, "\"interval_ms\" must be a positive number");
                    }
                    interval = p.getDoubleValue();
                }
                case "sensors" -> {
                    JsonNode sensors = p.readValueAsTree();
                    if (sensors == null || !sensors.isArray() || sensors.isEmpty()) {
                        throw error(source, p, "\"sensors\" must be a non-empty array of {\"name\", \"units\"}");
                    }
                    axes = new ArrayList<>();
                    units = new ArrayList<>();
                    for (JsonNode s : sensors) {
                        if (!s.hasNonNull("name")) {
                            throw new SignalFormatException(source, "sensor " + (axes.size() + 1) + " has no \"name\"");
                        }
                        axes.add(s.get("name").asText());
                        units.add(s.path("units").asText(""));
                    }
                }
                case "values" -> {
                    if (t != JsonToken.START_ARRAY) {
                        throw error(source, p, "\"values\" must be an array of rows");
                    }
                    rows = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        rowLines.add(p.currentLocation().getLineNr());
                        rows.add(readRow(p, source, rows.size()));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (interval == null) {
            throw new SignalFormatException(source, "payload has no \"interval_ms\"");
        }
        if (axes == null) {
            throw new SignalFormatException(source, "payload has no \"sensors\" list");
        }
        if (rows == null || rows.isEmpty()) {
            throw new SignalFormatException(source, "payload has no \"values\" (the sample is empty)");
        }
        int n = axes.size();
        float[] values = new float[rows.size() * n];
        for (int r = 0; r < rows.size(); r++) {
            float[] row = rows.get(r);
            if (row.length != n) {
                throw new SignalFormatException(source, "line " + rowLines.get(r) + ": values row " + r + " has "
                        + row.length + " values, but there are " + n + " sensors " + axes + " (ragged row)");
            }
            System.arraycopy(row, 0, values, r * n, n);
        }
        return new SensorSeries(deviceType, axes, units, interval, values);
    }

    private static float[] readRow(JsonParser p, String source, int rowIndex) throws IOException {
        if (p.currentToken().isNumeric()) {
            return new float[] {number(p, source, rowIndex)};
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(source, p, "values row " + rowIndex + " is not a list of numbers");
        }
        List<Float> row = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_NULL) {
                throw error(source, p, "missing value (null) in values row " + rowIndex + ", column " + (row.size() + 1));
            }
            if (!t.isNumeric()) {
                throw error(source, p, "values row " + rowIndex + ", column " + (row.size() + 1) + ": '"
                        + p.getText() + "' is not a number");
            }
            row.add(number(p, source, rowIndex));
        }
        float[] out = new float[row.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = row.get(i);
        }
        return out;
    }

    private static float number(JsonParser p, String source, int rowIndex) throws IOException {
        float v = (float) p.getDoubleValue();
        if (!Float.isFinite(v)) {
            throw error(source, p, "values row " + rowIndex + ": " + p.getText() + " is not a finite float");
        }
        return v;
    }

    private static SignalFormatException error(String source, JsonParser p, String problem) {
        return new SignalFormatException(source, "line " + p.currentLocation().getLineNr() + ": " + problem);
    }

    public static void write(Path file, SensorSeries series) throws IOException {
        AtomicFiles.write(file, format(series));
    }

    /** The series as an unsigned Edge Impulse JSON document (UTF-8). */
    public static byte[] format(SensorSeries series) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("protected");
            g.writeStringField("ver", "v1");
            g.writeStringField("alg", "none");
            g.writeEndObject();
            g.writeStringField("signature", UNSIGNED);
            g.writeObjectFieldStart("payload");
            g.writeStringField("device_type", series.deviceType());
            g.writeNumberField("interval_ms", series.intervalMs());
            g.writeArrayFieldStart("sensors");
            for (int a = 0; a < series.axes().size(); a++) {
                g.writeStartObject();
                g.writeStringField("name", series.axes().get(a));
                g.writeStringField("units", series.units().get(a));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("values");
            int n = series.axes().size();
            for (int f = 0; f < series.frames(); f++) {
                g.writeStartArray();
                for (int a = 0; a < n; a++) {
                    g.writeNumber(series.value(f, a));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e); // cannot happen
        }
        return bytes.toByteArray();
    }
}
