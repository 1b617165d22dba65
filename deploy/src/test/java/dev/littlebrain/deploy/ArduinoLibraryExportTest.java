package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.tflm.TflmArenaEstimate;
import dev.littlebrain.deploy.tflm.TflmTarget;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code arduino} zip: the Arduino IDE's library layout, reproducible bytes, and a sketch that — built
 * with g++ against Arduino and TFLM stand-ins (test resources; TFLM's side computes with the standalone C)
 * — prints the scores the Java runtime computes.
 */
class ArduinoLibraryExportTest {

    private static Path conv1d() {
        return ConformanceCases.stream().filter(p -> p.getFileName().toString().equals("conv1d_kws_int8"))
                .findFirst().orElseThrow();
    }

    @Test
    void zipHasTheArduinoLayoutAndTheSameBytesEveryTime(@TempDir Path dir) throws Exception {
        Model model = TfliteReader.read(conv1d().resolve("model.tflite"));
        Path a = ArduinoLibraryExport.write(model, "kws.tflite", "Kws", dir.resolve("a"));
        Path b = ArduinoLibraryExport.write(model, "kws.tflite", "Kws", dir.resolve("b"));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        TreeSet<String> entries = new TreeSet<>(unzip(a, dir.resolve("x")));
        assertEquals(new TreeSet<>(List.of("Kws/library.properties", "Kws/src/Kws.h", "Kws/src/model_data.h",
                "Kws/src/model_data.c", "Kws/src/lb_model.h", "Kws/src/lb_tflm.cpp", "Kws/examples/Kws/Kws.ino",
                "Kws/README.md")),
                entries);
        String properties = Files.readString(dir.resolve("x/Kws/library.properties"));
        assertTrue(properties.contains("name=Kws\n") && properties.contains("includes=Kws.h\n"), properties);
        // The IDE installs TFLM with the library only when library.properties says it depends on it.
        assertTrue(properties.contains("depends=Arduino_TensorFlowLite\n"), properties);
        String notes = Files.readString(dir.resolve("x/Kws/README.md"));
        assertTrue(notes.contains("-DTF_LITE_STATIC_MEMORY") && notes.contains("--format arduino"), notes);
        assertTrue(Files.readString(dir.resolve("x/Kws/src/lb_tflm.cpp")).startsWith("/*"));
        assertTrue(Files.readString(dir.resolve("x/Kws/src/lb_tflm.cpp")).contains("#include <TensorFlowLite.h>"));
        assertTrue(Files.readString(dir.resolve("x/Kws/examples/Kws/Kws.ino")).contains("YOUR SENSOR GOES HERE"));
        assertEquals("LittleBrain_kws_int8", ArduinoLibraryExport.libraryName("kws-int8.tflite"));
        assertThrows(IllegalArgumentException.class,
                () -> ArduinoLibraryExport.write(model, "kws.tflite", "9 bad name", dir.resolve("c")));
    }

    @Tag("toolchain")
    @Test
    void sketchBuildsAndPrintsTheRuntimesScores(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("g++");
        Model model = TfliteReader.read(conv1d().resolve("model.tflite"));
        Path zip = ArduinoLibraryExport.write(model, "kws.tflite", "Kws", dir);
        unzip(zip, dir.resolve("lib"));
        Path src = dir.resolve("lib/Kws/src");
        Path ref = dir.resolve("ref");
        StandaloneCGenerator.write(model, "kws.tflite", ref);
        Path arduino = Path.of(getClass().getResource("arduino-standin/Arduino.h").toURI()).getParent();
        Path tflm = Path.of(getClass().getResource("tflm-standin/README.md").toURI()).getParent();
        Interpreter runtime = new Interpreter(model);
        List<String> cxx = new ArrayList<>(List.of("g++", "-std=c++17", "-O2", "-Wall", "-Wextra", "-Werror",
                "-I", arduino.toString(), "-I", tflm.toString(), "-I", src.toString(),
                "-DSTANDIN_INPUT_BYTES=" + runtime.input(0).byteSize(),
                "-DSTANDIN_OUTPUT_BYTES=" + runtime.output(0).byteSize(),
                "-DSTANDIN_MIN_ARENA=" + TflmArenaEstimate.of(model, TflmTarget.HOST_64).bytes()));
        compile(dir, cxx, "-c", src.resolve("lb_tflm.cpp").toString(), "-o", "lb_tflm.o");
        compile(dir, cxx, "-include", "Arduino.h", "-x", "c++", "-c",
                dir.resolve("lib/Kws/examples/Kws/Kws.ino").toString(), "-o", "sketch.o");
        compile(dir, cxx, "-c", arduino.resolve("sketch_main.cpp").toString(), "-o", "main.o");
        List<String> c = List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror");
        compile(dir, c, "-c", src.resolve("model_data.c").toString(), "-o", "model_data.o");
        compile(dir, c, "-Dlb_invoke=lb_reference_invoke", "-c", ref.resolve("lb_model.c").toString(), "-o", "ref.o");
        compile(dir, c, "-c", ref.resolve("lb_kernels.c").toString(), "-o", "kernels.o");
        compile(dir, List.of("g++"), "-o", "sketch", "lb_tflm.o", "sketch.o", "main.o", "model_data.o", "ref.o",
                "kernels.o", "-lm");
        HostCompiler.Result r = HostCompiler.run(List.of(dir.resolve("sketch").toString()), dir);
        assertEquals(0, r.exitCode(), r.stderr());

        // The placeholder sensor gives an all-zero window: the runtime's scores for it, printed as the sketch does.
        runtime.input(0).copyFrom(new byte[runtime.input(0).byteSize()], 0);
        runtime.invoke();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < runtime.output(0).elementCount(); i++) {
            expected.append(String.format(Locale.ROOT, "%.4f ", (float) runtime.output(0).real(i)));
        }
        expected.append("  (0 us)\n");
        assertEquals(expected.toString(), new String(r.stdout(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void compile(Path dir, List<String> base, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(base);
        cmd.addAll(List.of(args));
        HostCompiler.compile(dir, cmd);
    }

    private static List<String> unzip(Path zip, Path into) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                Path target = into.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return names;
    }
}
