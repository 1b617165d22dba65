package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.dsp.AudioInputs;
import dev.littlebrain.deploy.profile.DspLatencyModel;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DspLatencyModel} against the exported DSP's measured cost: each configuration is generated, cross-compiled
 * for the Cortex-M4F and run under QEMU ({@link CortexM4Test} harness) on two windows of noise in slices; the
 * instructions of the last streaming update must be within 15 % of the model. The settings move every term of
 * the model: FFT length, stride (whether the slice is a whole number of strides), filters and coefficients,
 * CMVN on and off, and the slice length. The soft-float factor (cores without an FPU) is checked on a Cortex-M3.
 */
@Tag("toolchain")
class DspLatencyModelTest {

    @ParameterizedTest(name = "{0} [{1}] slice {2}")
    @CsvSource(delimiter = ';', value = {"mfcc;;4000", "mfcc;frame_stride=0.01;4000", "mfcc;fft_length=512;4000",
            "mfcc;num_filters=40,num_cepstral=20;4000", "mfcc;win_size=0;4000", "mfcc;;2000", "mfcc;;8000",
            "mfe;;4000", "mfe;fft_length=512;4000", "mfe;frame_stride=0.02;4000", "mfe;;1000",
            "spectrogram;;4000", "spectrogram;fft_length=256;4000", "spectrogram;frame_stride=0.02;4000",
            "spectrogram;;3200"})
    void modelIsWithin15PercentOfTheEmulatedCortexM4(String name, String settings, int slice, @TempDir Path dir)
            throws Exception {
        HostCompiler.requireAvailable("arm-none-eabi-gcc");
        HostCompiler.requireAvailable("qemu-system-arm");
        Map<String, String> params = new HashMap<>();
        if (settings != null) {
            for (String kv : settings.split(",")) {
                String[] p = kv.split("=");
                params.put(p[0], p[1]);
            }
        }
        DspBlock block = DspBlocks.create(name, SignalSpec.audio(AudioInputs.RATE), params);
        // Two windows: the last update is in the steady state for every slice here.
        Map<String, Long> stats = CortexM4Test.buildAndRun(prepare(block, slice, dir), SOURCES);
        assertEquals(2L * AudioInputs.WINDOW / slice, stats.get("examples"), "one update per slice");

        long measured = stats.get("instructions_last");
        long model = DspLatencyModel.instructionsPerUpdate(block, AudioInputs.WINDOW, slice).orElseThrow();
        double ratio = model / (double) measured;
        System.out.printf(Locale.ROOT, "dsp latency model %s [%s] slice %d: measured %d, model %d instructions per"
                + " update (x%.3f)%n", name, settings == null ? "defaults" : settings, slice, measured, model, ratio);
        assertTrue(ratio > 0.85 && ratio < 1.15, "model " + model + " vs measured " + measured);
    }

    /** A core without an FPU (Cortex-M3, soft-float, QEMU mps2-an385) against the M4F: the model's factor within 15 %. */
    @ParameterizedTest
    @ValueSource(strings = {"mfcc", "mfe", "spectrogram"})
    void softFloatFactorIsWithin15PercentOfTheEmulatedCortexM3(String name, @TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("arm-none-eabi-gcc");
        HostCompiler.requireAvailable("qemu-system-arm");
        DspBlock block = DspBlocks.create(name, SignalSpec.audio(AudioInputs.RATE), Map.of());
        int slice = CortexM4DspTest.SLICE;
        Path m4 = prepare(block, slice, Files.createDirectories(dir.resolve("m4")));
        Path m3 = prepare(block, slice, Files.createDirectories(dir.resolve("m3")));
        long hard = CortexM4Test.buildAndRun(m4, SOURCES).get("instructions_last");
        long soft = CortexM4Test.buildAndRun(m3, SOURCES, List.of("-mcpu=cortex-m3", "-mfloat-abi=soft"), "mps2-an385")
                .get("instructions_last");
        double measured = soft / (double) hard;
        double model = DspLatencyModel.softFloatFactor(block).orElseThrow();
        System.out.printf(Locale.ROOT, "dsp soft-float factor %s: measured %.2f (M3 %d / M4F %d), model %.2f%n", name,
                measured, soft, hard, model);
        assertTrue(model / measured > 0.85 && model / measured < 1.15, "model " + model + " vs measured " + measured);
    }

    private static final List<String> SOURCES = List.of("lb_model.c", "lb_dsp.c", "-lm");

    /** The DSP for {@code slice}-sample updates with the streaming shim, and two windows of speech-level noise. */
    private static Path prepare(DspBlock block, int slice, Path dir) throws Exception {
        CortexM4DspTest.write(block, dir, slice, "#define LB_SLICE " + slice
                + "\n#define LB_INPUT_BYTES (LB_SLICE * 2)\n#define LB_OUTPUT_BYTES (4 + LB_DSP_FEATURES * 4)\n",
                CortexM4DspTest.STREAM_SHIM);
        float[] stream = new float[AudioInputs.WINDOW * 2];
        Random random = new Random(1);
        for (int i = 0; i < stream.length; i++) {
            stream[i] = (float) (random.nextGaussian() * 3000);
        }
        Files.write(dir.resolve("inputs.bin"), CortexM4DspTest.int16s(stream));
        return dir;
    }
}
