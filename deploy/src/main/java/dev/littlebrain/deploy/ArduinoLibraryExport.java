package dev.littlebrain.deploy;

import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The {@code arduino} deploy format: the {@code tflm-cpp} library packaged for the Arduino IDE's "Add .ZIP
 * Library": {@code NAME/library.properties}, {@code NAME/src/} (the model array, {@code lb_model.h}, the TFLM
 * glue and {@code NAME.h}) and {@code NAME/examples/NAME/NAME.ino}, a sketch whose only device-specific part —
 * reading the sensor into the input tensor — is one clearly marked function. The zip is written atomically,
 * with fixed entry times so the same model always gives the same bytes.
 */
public final class ArduinoLibraryExport {
    private static final long FIXED_ENTRY_TIME = 315532800000L; // 1980-01-01, the earliest a zip can store

    private ArduinoLibraryExport() {
    }

    /** Library name for a model file name: letters, digits and underscores, prefixed {@code LittleBrain_}. */
    public static String libraryName(String modelFileName) {
        String stem = modelFileName.replaceAll("\\.tflite$", "");
        return "LittleBrain_" + CSource.identifier(stem).replaceAll("^_+", "");
    }

    /** Writes {@code OUT/NAME.zip}; returns its path. */
    public static Path write(Model model, String modelSource, String name, Path outDir) throws IOException {
        return write(model, modelSource, name, outDir, Map.of());
    }

    /**
     * Writes {@code OUT/NAME.zip} with {@code frontEnd} (the DSP and classifier wrapper of
     * {@link ImpulseCExport#frontEnd}) in {@code src/}; the example sketch then classifies microphone slices
     * with {@code run_classifier_continuous}. Returns the zip's path.
     */
    public static Path write(Model model, String modelSource, String name, Path outDir, Map<String, String> frontEnd)
            throws IOException {
        return write(model, modelSource, List.of(), name, outDir, frontEnd);
    }

    /** As {@link #write(Model, String, String, Path, Map)}, with the output's labels (none when empty) in lb_model.h. */
    public static Path write(Model model, String modelSource, List<String> labels, String name, Path outDir,
                             Map<String, String> frontEnd) throws IOException {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Arduino library name '" + name + "' must start with a letter and hold"
                    + " only letters, digits and underscores (at most 63)");
        }
        CSource.requireDirectory(outDir);
        Path zip = outDir.resolve(name + ".zip");
        AtomicFiles.write(zip, zip(files(model, modelSource, labels, name, frontEnd)));
        return zip;
    }

    /** The zip's entries, path to text. */
    static Map<String, String> files(Model model, String modelSource, String name, Map<String, String> frontEnd) {
        return files(model, modelSource, List.of(), name, frontEnd);
    }

    static Map<String, String> files(Model model, String modelSource, List<String> labels, String name,
                                     Map<String, String> frontEnd) {
        boolean classifier = frontEnd.containsKey("lb_classifier.h");
        byte[] tflite = TfliteWriter.write(model);
        String array = "g_lb_model";
        Map<String, String> files = new LinkedHashMap<>();
        boolean imu = classifier && isImuImpulse(frontEnd);
        files.put(name + "/library.properties", properties(name, modelSource, imu));
        files.put(name + "/" + TflmLibraryExport.BUILD_NOTES, TflmLibraryExport.buildNotes(model, modelSource, true));
        files.put(name + "/src/" + name + ".h", mainHeader(name, modelSource, classifier));
        files.put(name + "/src/" + CArrayExport.HEADER, CArrayExport.header(array, modelSource, tflite.length));
        files.put(name + "/src/" + CArrayExport.SOURCE, CArrayExport.source(array, modelSource, tflite));
        for (Map.Entry<String, String> f : TflmLibraryExport.librarySources(model, modelSource, labels, true).entrySet()) {
            files.put(name + "/src/" + f.getKey(), f.getValue());
        }
        for (Map.Entry<String, String> f : frontEnd.entrySet()) {
            files.put(name + "/src/" + f.getKey(), f.getValue());
        }
        files.put(name + "/examples/" + name + "/" + name + ".ino",
                !classifier ? sketch(name, model)
                        : frontEnd.get("lb_dsp.h").contains("#define LB_DSP_AXES ") ? sensorSketch(name, frontEnd)
                        : continuousSketch(name, frontEnd.get("lb_classifier.h")));
        return files;
    }

    /** A sensor impulse on three axes that are not a path: the example reads the board's accelerometer. */
    private static boolean isImuImpulse(Map<String, String> frontEnd) {
        String dsp = frontEnd.get("lb_dsp.h");
        return dsp.contains("#define LB_DSP_AXES 3\n") && !dsp.contains("lb_dsp_process_path");
    }

    private static String properties(String name, String modelSource, boolean imu) {
        return "name=" + name + "\n"
                + "version=1.0.0\n"
                + "author=LittleBrain\n"
                + "maintainer=LittleBrain\n"
                + "sentence=Runs " + modelSource.replaceAll("[\\r\\n]", " ") + " with TensorFlow Lite Micro.\n"
                + "paragraph=Generated by littlebrain deploy --format arduino. Needs a TensorFlow Lite Micro library"
                + " for Arduino that provides TensorFlowLite.h.\n"
                + "category=Data Processing\n"
                + "url=https://littlebrain.dev\n"
                + "architectures=*\n"
                + "includes=" + name + ".h\n"
                // The Arduino IDE installs these with the library: TensorFlowLite.h, and for an IMU example both
                // Nano 33 BLE Sense IMU libraries (Rev1 LSM9DS1, Rev2 BMI270/BMM150). PDM comes with the board core.
                + "depends=Arduino_TensorFlowLite" + (imu ? ", Arduino_LSM9DS1, Arduino_BMI270_BMM150" : "") + "\n";
    }

    private static String mainHeader(String name, String modelSource, boolean classifier) {
        String guard = name.toUpperCase(java.util.Locale.ROOT) + "_H";
        return "/* " + name + ": " + CSource.commentText(modelSource) + " on TensorFlow Lite Micro, generated by"
                + " LittleBrain. */\n"
                + "#ifndef " + guard + "\n#define " + guard + "\n\n#include \"lb_model.h\"\n"
                + (classifier ? "#include \"lb_classifier.h\"\n" : "") + "\n#endif\n";
    }

    /** The example sketch of an impulse: microphone slices into run_classifier_continuous, detections printed. */
    private static String continuousSketch(String name, String classifierHeader) {
        String slice = classifierHeader.replaceAll("(?s).*#define LB_SLICE_SAMPLES (\\d+).*", "$1");
        return "// " + name + " example: continuous keyword spotting on the Arduino Nano 33 BLE Sense's PDM\n"
                + "// microphone, detections printed. On another board, replace the microphone part.\n"
                + "#include <PDM.h>\n"
                + "#include <" + name + ".h>\n\n"
                + "// Two slices of " + slice + " samples: the microphone fills one while the classifier reads the other.\n"
                + "static float slices[2][LB_SLICE_SAMPLES];\n"
                + "static volatile int filling = 0;\n"
                + "static volatile size_t fill = 0;\n"
                + "static volatile int ready = -1; // the slice waiting for the classifier, or -1\n\n"
                + "// PDM.onReceive callback (interrupt context): copy the new int16 samples into the slice being\n"
                + "// filled, as int16 values stored in float, which is what the impulse's DSP takes.\n"
                + "static void on_pdm_data() {\n"
                + "    int16_t samples[256];\n"
                + "    int bytes = PDM.available();\n"
                + "    if (bytes > (int) sizeof samples) {\n"
                + "        bytes = sizeof samples;\n"
                + "    }\n"
                + "    PDM.read(samples, bytes);\n"
                + "    for (int i = 0; i < bytes / 2; i++) {\n"
                + "        slices[filling][fill++] = (float) samples[i];\n"
                + "        if (fill == LB_SLICE_SAMPLES) {\n"
                + "            ready = filling; // a slice still unread is overwritten: the classifier fell behind\n"
                + "            filling ^= 1;\n"
                + "            fill = 0;\n"
                + "        }\n"
                + "    }\n"
                + "}\n\n"
                + "void setup() {\n"
                + "    Serial.begin(115200);\n"
                + "    run_classifier_init();\n"
                + "    PDM.onReceive(on_pdm_data);\n"
                + "    // One channel at the impulse's rate (16 kHz for the kws template).\n"
                + "    if (!PDM.begin(1, LB_DSP_SAMPLE_RATE)) {\n"
                + "        Serial.println(\"PDM.begin failed: no PDM microphone?\");\n"
                + "        while (true) {\n"
                + "        }\n"
                + "    }\n"
                + "}\n\n"
                + "void loop() {\n"
                + "    int s = ready;\n"
                + "    if (s < 0) {\n"
                + "        return;\n"
                + "    }\n"
                + "    ready = -1;\n"
                + "    lb_result_t result;\n"
                + "    int status = run_classifier_continuous(slices[s], LB_SLICE_SAMPLES, &result);\n"
                + "    if (status != LB_OK) {\n"
                + "        Serial.print(\"run_classifier_continuous failed: \");\n"
                + "        Serial.println(status);\n"
                + "        return;\n"
                + "    }\n"
                + "    if (result.detected > 0) {\n"
                + "        Serial.print(\"detected \");\n"
                + "        Serial.print(result.detection.label);\n"
                + "        Serial.print(' ');\n"
                + "        Serial.print(result.detection.score, 3);\n"
                + "        Serial.println(\"\");\n"
                + "    }\n"
                + "}\n";
    }

    /**
     * The example sketch of a sensor impulse: IMU samples, interleaved per axis, into run_classifier_continuous
     * (a path block: the whole gesture into run_classifier), the top label printed.
     */
    private static String sensorSketch(String name, Map<String, String> frontEnd) {
        if (isImuImpulse(frontEnd)) {
            return imuSketch(name);
        }
        boolean path = frontEnd.get("lb_dsp.h").contains("lb_dsp_process_path");
        String what = path ? "one whole gesture (a path) into run_classifier" : "run_classifier_continuous on slices";
        return "// " + name + " example: " + what + ", the top label printed.\n"
                + "#include <" + name + ".h>\n\n"
                + (path ? "// Longest path this example buffers: 10 windows.\n"
                        + "#define PATH_FLOATS (10 * LB_DSP_WINDOW_SAMPLES)\n"
                        + "static float signal_buffer[PATH_FLOATS];\n\n"
                        : "static float signal_buffer[LB_SLICE_SAMPLES];\n\n")
                + "// ---------------------------------------------------------------------------------------\n"
                + "// YOUR SENSOR GOES HERE: fill `values` with up to `n` floats, LB_DSP_AXES per sample,\n"
                + "// interleaved per axis, sampled at LB_DSP_SAMPLE_RATE Hz in the units of the training data;\n"
                + "// return how many were written (" + (path ? "a whole gesture" : "a whole slice: n") + "), or 0 when\n"
                + "// none are ready. This placeholder returns nothing.\n"
                + "// ---------------------------------------------------------------------------------------\n"
                + "static size_t read_sensor(float *values, size_t n) {\n"
                + "    (void) values;\n"
                + "    (void) n;\n"
                + "    return 0;\n"
                + "}\n\n"
                + "static void print_top(const lb_result_t *result) {\n"
                + "    int best = 0;\n"
                + "    for (int i = 1; i < LB_LABEL_COUNT; i++) {\n"
                + "        if (result->classification[i].value > result->classification[best].value) {\n"
                + "            best = i;\n"
                + "        }\n"
                + "    }\n"
                + "    Serial.print(result->classification[best].label);\n"
                + "    Serial.print(' ');\n"
                + "    Serial.println(result->classification[best].value, 3);\n"
                + "}\n\n"
                + "void setup() {\n"
                + "    Serial.begin(115200);\n"
                + "    run_classifier_init();\n"
                + "}\n\n"
                + "void loop() {\n"
                + (path ? "    size_t n = read_sensor(signal_buffer, PATH_FLOATS);\n"
                        : "    size_t n = read_sensor(signal_buffer, LB_SLICE_SAMPLES);\n")
                + "    if (n == 0) {\n"
                + "        return;\n"
                + "    }\n"
                + "    lb_result_t result;\n"
                + (path ? "    int status = run_classifier(signal_buffer, n, &result);\n"
                        : "    int status = run_classifier_continuous(signal_buffer, n, &result);\n")
                + "    if (status != LB_OK) {\n"
                + "        Serial.print(\"classifier failed: \");\n"
                + "        Serial.println(status);\n"
                + "        return;\n"
                + "    }\n"
                + "    if (result.runs > 0) {\n"
                + "        print_top(&result);\n"
                + "    }\n"
                + "}\n";
    }

    /**
     * The example sketch of a 3-axis motion impulse on the Nano 33 BLE Sense's accelerometer: Rev1's LSM9DS1
     * ({@code Arduino_LSM9DS1}) or, with {@code LB_NANO33_REV2} defined, Rev2's BMI270 ({@code Arduino_BMI270_BMM150});
     * both name their object {@code IMU} and read g.
     */
    private static String imuSketch(String name) {
        return "// " + name + " example: motion classification on the Arduino Nano 33 BLE Sense's accelerometer,\n"
                + "// sampled at the impulse's rate into run_classifier_continuous; the top label printed per slice.\n"
                + "// Rev1 boards have an LSM9DS1 IMU; for a Rev2 (BMI270 + BMM150) define LB_NANO33_REV2 here.\n"
                + "// #define LB_NANO33_REV2\n"
                + "#ifdef LB_NANO33_REV2\n"
                + "#include <Arduino_BMI270_BMM150.h>\n"
                + "#else\n"
                + "#include <Arduino_LSM9DS1.h>\n"
                + "#endif\n"
                + "#include <" + name + ".h>\n\n"
                + "#if LB_DSP_AXES != 3\n"
                + "#error \"this example reads the three accelerometer axes; the impulse takes another number\"\n"
                + "#endif\n\n"
                + "// The IMU reads g; the training data (Edge Impulse, littlebrain data generate motion) is in m/s2.\n"
                + "// Set to 1.0f if yours was recorded in g.\n"
                + "#define ACCEL_SCALE 9.80665f\n"
                + "#define SAMPLE_PERIOD_US ((unsigned long) (1000000.0 / LB_DSP_SAMPLE_RATE))\n\n"
                + "static float slice[LB_SLICE_SAMPLES];\n"
                + "static size_t fill = 0;\n"
                + "static unsigned long next_sample_us = 0;\n\n"
                + "void setup() {\n"
                + "    Serial.begin(115200);\n"
                + "    if (!IMU.begin()) {\n"
                + "        Serial.println(\"IMU.begin failed: check LB_NANO33_REV2 for your board revision\");\n"
                + "        while (true) {\n"
                + "        }\n"
                + "    }\n"
                + "    run_classifier_init();\n"
                + "    next_sample_us = micros();\n"
                + "}\n\n"
                + "void loop() {\n"
                + "    if ((long) (micros() - next_sample_us) < 0) {\n"
                + "        return;\n"
                + "    }\n"
                + "    next_sample_us += SAMPLE_PERIOD_US;\n"
                + "    float x, y, z;\n"
                + "    IMU.readAcceleration(x, y, z);\n"
                + "    slice[fill++] = x * ACCEL_SCALE;\n"
                + "    slice[fill++] = y * ACCEL_SCALE;\n"
                + "    slice[fill++] = z * ACCEL_SCALE;\n"
                + "    if (fill < LB_SLICE_SAMPLES) {\n"
                + "        return;\n"
                + "    }\n"
                + "    fill = 0;\n"
                + "    lb_result_t result;\n"
                + "    int status = run_classifier_continuous(slice, LB_SLICE_SAMPLES, &result);\n"
                + "    if (status != LB_OK) {\n"
                + "        Serial.print(\"run_classifier_continuous failed: \");\n"
                + "        Serial.println(status);\n"
                + "        return;\n"
                + "    }\n"
                + "    if (result.runs > 0) {\n"
                + "        int best = 0;\n"
                + "        for (int i = 1; i < LB_LABEL_COUNT; i++) {\n"
                + "            if (result.classification[i].value > result.classification[best].value) {\n"
                + "                best = i;\n"
                + "            }\n"
                + "        }\n"
                + "        Serial.print(result.classification[best].label);\n"
                + "        Serial.print(' ');\n"
                + "        Serial.println(result.classification[best].value, 3);\n"
                + "    }\n"
                + "}\n";
    }

    /** The example sketch: read the sensor, run the model, print the scores. */
    private static String sketch(String name, Model model) {
        Interpreter interpreter = new Interpreter(model);
        boolean int8Out = interpreter.output(0).type() == TensorType.INT8;
        String scale = Float.toString(interpreter.output(0).scale());
        int zeroPoint = interpreter.output(0).zeroPoint();
        return "// " + name + " example: reads one input window, runs the model, prints the scores.\n"
                + "#include <" + name + ".h>\n\n"
                + "static uint8_t input[LB_INPUT_BYTES];\n"
                + "static uint8_t output[LB_OUTPUT_BYTES];\n\n"
                + "// ---------------------------------------------------------------------------------------\n"
                + "// YOUR SENSOR GOES HERE: fill `input` with one window of model input (raw tensor bytes, the\n"
                + "// layout `littlebrain run` takes) from your microphone or IMU, and return true when a full\n"
                + "// window is ready. This placeholder feeds zeros once a second.\n"
                + "// ---------------------------------------------------------------------------------------\n"
                + "static bool read_sensor_window(uint8_t *window) {\n"
                + "    memset(window, 0, LB_INPUT_BYTES);\n"
                + "    delay(1000);\n"
                + "    return true;\n"
                + "}\n\n"
                + "void setup() {\n"
                + "    Serial.begin(115200);\n"
                + "}\n\n"
                + "void loop() {\n"
                + "    if (!read_sensor_window(input)) {\n"
                + "        return;\n"
                + "    }\n"
                + "    unsigned long start = micros();\n"
                + "    int status = lb_invoke(input, output);\n"
                + "    unsigned long took = micros() - start;\n"
                + "    if (status != 0) {\n"
                + "        Serial.print(\"lb_invoke failed: \");\n"
                + "        Serial.println(status);\n"
                + "        return;\n"
                + "    }\n"
                + "    for (int i = 0; i < LB_OUTPUT_BYTES" + (int8Out ? "" : " / 4") + "; i++) {\n"
                + (int8Out
                    ? "        float score = (" + "(int8_t) output[i] - (" + zeroPoint + ")) * " + scale + "f;\n"
                    : "        float score;\n        memcpy(&score, output + 4 * i, 4);\n")
                + "        Serial.print(score, 4);\n"
                + "        Serial.print(' ');\n"
                + "    }\n"
                + "    Serial.print(\"  (\");\n"
                + "    Serial.print(took);\n"
                + "    Serial.println(\" us)\");\n"
                + "}\n";
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                ZipEntry entry = new ZipEntry(f.getKey());
                entry.setTime(FIXED_ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
