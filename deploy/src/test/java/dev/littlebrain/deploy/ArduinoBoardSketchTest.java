package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.dsp.AudioInputs;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.SharedFolder;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arduino export's example sketches for the Nano 33 BLE Sense: a kws impulse reads the PDM microphone, a
 * 3-axis motion impulse the IMU (LSM9DS1, or BMI270/BMM150 with LB_NANO33_REV2), and library.properties depends on
 * the libraries they include. No Arduino toolchain here: the sketch compiles as C++ (g++ -fsyntax-only) against
 * the stand-in headers of the test resources (arduino-standin: Arduino.h, PDM.h, the two IMU libraries).
 */
@Tag("toolchain")
class ArduinoBoardSketchTest {

    @Test
    void kwsSketchReadsThePdmMicrophone(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("g++");
        Model model = TfliteReader.read(SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite"));
        DspBlock block = DspBlocks.create("mfcc", SignalSpec.audio(AudioInputs.RATE), Map.of());
        ContinuousConfig config = new ContinuousConfig(AudioInputs.RATE, AudioInputs.WINDOW / 4, 3, 0.8f, 1000,
                ClassifierCGeneratorTest.FOUR, ClassifierCGeneratorTest.SILENT);
        Map<String, String> files = ArduinoLibraryExport.files(model, "kws.tflite", "Kws",
                ImpulseCExport.frontEnd(model, "kws.tflite", block, AudioInputs.WINDOW, config, "test"));
        String sketch = files.get("Kws/examples/Kws/Kws.ino");
        assertTrue(sketch.contains("#include <PDM.h>") && sketch.contains("PDM.onReceive(on_pdm_data);")
                && sketch.contains("PDM.begin(1, LB_DSP_SAMPLE_RATE)"), sketch);
        assertTrue(files.get("Kws/library.properties").contains("\ndepends=Arduino_TensorFlowLite\n"));
        syntaxOnly(dir, files, "Kws");
    }

    @Test
    void motionSketchReadsTheImuOfEitherRevision(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("g++");
        // dense_gesture_int8 takes 600 features: the raw block on 200 samples of 3 axes.
        Model model = TfliteReader.read(SharedFolder.require("conformance").resolve("dense_gesture_int8/model.tflite"));
        DspBlock block = DspBlocks.create("raw", new SignalSpec(62.5, List.of("accX", "accY", "accZ")), Map.of());
        ContinuousConfig config = new ContinuousConfig(63, 50, 1, 0.8f, 0, List.of("a", "b", "c", "d", "e"), Set.of());
        Map<String, String> files = ArduinoLibraryExport.files(model, "motion.tflite", "Motion",
                ImpulseCExport.frontEnd(model, "motion.tflite", block, 200, config, "test"));
        String sketch = files.get("Motion/examples/Motion/Motion.ino");
        assertTrue(sketch.contains("#include <Arduino_LSM9DS1.h>") && sketch.contains("#include <Arduino_BMI270_BMM150.h>")
                && sketch.contains("IMU.readAcceleration(x, y, z);"), sketch);
        assertTrue(files.get("Motion/library.properties")
                .contains("\ndepends=Arduino_TensorFlowLite, Arduino_LSM9DS1, Arduino_BMI270_BMM150\n"));
        syntaxOnly(dir.resolve("rev1"), files, "Motion");
        syntaxOnly(dir.resolve("rev2"), files, "Motion", "-DLB_NANO33_REV2");
    }

    /** Writes the library and checks the example sketch with g++ -fsyntax-only against the stand-ins. */
    private static void syntaxOnly(Path dir, Map<String, String> files, String name, String... flags) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Path standIn = Path.of(ArduinoBoardSketchTest.class.getResource("arduino-standin/Arduino.h").toURI()).getParent();
        List<String> cmd = new ArrayList<>(List.of("g++", "-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Werror",
                "-I", standIn.toString(), "-I", dir.resolve(name + "/src").toString()));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-include", "Arduino.h", "-x", "c++",
                dir.resolve(name + "/examples/" + name + "/" + name + ".ino").toString()));
        HostCompiler.compile(dir, cmd);
    }
}
