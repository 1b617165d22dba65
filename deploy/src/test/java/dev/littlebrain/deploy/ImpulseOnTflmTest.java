package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.dsp.AudioInputs;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.deploy.tflm.TflmArenaEstimate;
import dev.littlebrain.deploy.tflm.TflmTarget;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.SharedFolder;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported DSP and classifier wrapper on the TensorFlow Lite Micro back end ({@code tflm-cpp}, and inside
 * the {@code arduino} zip): built against the TFLM stand-in (test resources), {@code run_classifier_continuous}
 * gives the same averaged scores and detections as Java's {@code StreamingClassifier} on an espeak-kws stream.
 */
@Tag("toolchain")
class ImpulseOnTflmTest {

    @Test
    void continuousClassifierOnTflmEqualsJava(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("g++");
        Model model = TfliteReader.read(SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite"));
        DspBlock block = DspBlocks.create("mfcc", SignalSpec.audio(AudioInputs.RATE), Map.of());
        ContinuousConfig config = new ContinuousConfig(AudioInputs.RATE, AudioInputs.WINDOW / 4, 3, 0.3f, 1000,
                ClassifierCGeneratorTest.FOUR, ClassifierCGeneratorTest.SILENT);
        Map<String, String> frontEnd = ImpulseCExport.frontEnd(model, "kws.tflite", block, AudioInputs.WINDOW, config,
                "ImpulseOnTflmTest");
        Path lib = dir.resolve("lib");
        TflmLibraryExport.write(model, "kws.tflite", lib, frontEnd);
        Files.writeString(dir.resolve("main.c"), ClassifierCGeneratorTest.MAIN);
        link(model, dir, lib, "impulse", dir.resolve("main.c"));

        float[] audio = WavReader.read(SharedFolder.require("datasets/espeak-kws").resolve("_streams_/stream_01.wav"))
                .signal().toMono().toInt16Values();
        List<String> java = ClassifierCGeneratorTest.javaContinuous(model, block, config, audio);
        assertEquals(java, ClassifierCGeneratorTest.run(dir, "impulse", "continuous", audio, config.sliceSamples()));
        assertTrue(java.stream().anyMatch(l -> l.startsWith("D ")), "detections to compare at threshold 0.3");
    }

    @Test
    void arduinoImpulseSketchBuildsAndRuns(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("g++");
        Model model = TfliteReader.read(SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite"));
        DspBlock block = DspBlocks.create("mfcc", SignalSpec.audio(AudioInputs.RATE), Map.of());
        ContinuousConfig config = new ContinuousConfig(AudioInputs.RATE, AudioInputs.WINDOW / 4, 3, 0.8f, 1000,
                ClassifierCGeneratorTest.FOUR, ClassifierCGeneratorTest.SILENT);
        Map<String, String> frontEnd = ImpulseCExport.frontEnd(model, "kws.tflite", block, AudioInputs.WINDOW, config,
                "ImpulseOnTflmTest");
        Path zip = ArduinoLibraryExport.write(model, "kws.tflite", "Kws", dir, frontEnd);
        Path root = dir.resolve("unzipped");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = root.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        Path src = root.resolve("Kws/src");
        for (String f : List.of("lb_dsp.h", "lb_dsp.c", "lb_classifier.h", "lb_classifier.c", "lb_tflm.cpp")) {
            assertTrue(Files.isRegularFile(src.resolve(f)), f);
        }
        String sketch = Files.readString(root.resolve("Kws/examples/Kws/Kws.ino"));
        assertTrue(sketch.contains("run_classifier_continuous") && sketch.contains("PDM.begin(1, LB_DSP_SAMPLE_RATE)"),
                sketch);
        Path arduino = Path.of(getClass().getResource("arduino-standin/Arduino.h").toURI()).getParent();
        link(model, dir, src, "sketch", arduino.resolve("sketch_main.cpp"), "-include", "Arduino.h", "-x", "c++", root.resolve("Kws/examples/Kws/Kws.ino").toString(), "-x", "none");
        HostCompiler.Result r = HostCompiler.run(List.of(dir.resolve("sketch").toString()), dir);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", new String(r.stdout(), java.nio.charset.StandardCharsets.UTF_8), "silence detects nothing");
    }

    /** Compiles the library in {@code lib} with the TFLM stand-in and links it with {@code main} into {@code exe}. */
    private static void link(Model model, Path dir, Path lib, String exe, Path main, String... extra) throws Exception {
        Path ref = dir.resolve("ref");
        StandaloneCGenerator.write(model, "kws.tflite", ref);
        Path tflm = Path.of(ImpulseOnTflmTest.class.getResource("tflm-standin/README.md").toURI()).getParent();
        // The Arduino stand-in provides TensorFlowLite.h, which the Arduino flavour of the glue includes first.
        Path arduino = Path.of(ImpulseOnTflmTest.class.getResource("arduino-standin/Arduino.h").toURI()).getParent();
        Interpreter runtime = new Interpreter(model);
        // All-double DSP: bit-equal to Java's, so the detections can be compared bit for bit.
        List<String> c = List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-DLB_DSP_DOUBLE_PRECISION");
        List<String> objects = new ArrayList<>();
        for (String f : List.of("lb_dsp.c", "lb_classifier.c", "model_data.c")) {
            String o = f.replace(".c", ".o");
            compile(dir, c, "-c", lib.resolve(f).toString(), "-o", o);
            objects.add(o);
        }
        compile(dir, c, "-Dlb_invoke=lb_reference_invoke", "-c", ref.resolve("lb_model.c").toString(), "-o", "ref.o");
        compile(dir, c, "-c", ref.resolve("lb_kernels.c").toString(), "-o", "kernels.o");
        List<String> cxx = new ArrayList<>(List.of("g++", "-std=c++17", "-O2", "-Wall", "-Wextra", "-Werror",
                "-I", tflm.toString(), "-I", lib.toString(), "-I", arduino.toString(),
                "-DSTANDIN_INPUT_BYTES=" + runtime.input(0).byteSize(),
                "-DSTANDIN_OUTPUT_BYTES=" + runtime.output(0).byteSize(),
                "-DSTANDIN_MIN_ARENA=" + TflmArenaEstimate.of(model, TflmTarget.HOST_64).bytes()));
        compile(dir, cxx, "-c", lib.resolve("lb_tflm.cpp").toString(), "-o", "lb_tflm.o");
        List<String> linkArgs = new ArrayList<>(List.of("-o", exe));
        linkArgs.addAll(List.of(extra));
        linkArgs.add(main.toString());
        linkArgs.addAll(List.of("-x", "none", "lb_tflm.o", "ref.o", "kernels.o"));
        linkArgs.addAll(objects);
        linkArgs.add("-lm");
        compile(dir, cxx, linkArgs.toArray(new String[0]));
    }

    private static void compile(Path dir, List<String> base, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(base);
        cmd.addAll(List.of(args));
        HostCompiler.compile(dir, cmd);
    }
}
