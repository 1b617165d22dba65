package dev.littlebrain.impulse.profile;

import dev.littlebrain.deploy.profile.ArmFootprint;
import dev.littlebrain.deploy.profile.Board;
import dev.littlebrain.deploy.profile.Boards;
import dev.littlebrain.deploy.profile.DeviceEstimate;
import dev.littlebrain.deploy.profile.FrontEndEstimate;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Int8ModelCheck;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.deploy.ImpulseFrontEnd;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profile service: RAM, flash and time per inference of a model, or of a project's impulse, on each board, as
 * LittleBrain's standalone C ({@link DeviceEstimate}). A project's audio impulse adds its streaming DSP and
 * classifier wrapper and, by default, the continuous-mode deadline. Where arm-none-eabi-gcc is installed, Cortex-M
 * boards are measured from a real build unless the options ask for the tables only.
 */
public final class Profiling {
    /** The stage reported while the builds run (one per core, seconds each). */
    public static final String MEASURING = "measuring flash and RAM with arm-none-eabi-gcc (one build per core)";

    private Profiling() {
    }

    /** The model in {@code modelFile} alone on the built-in boards (or the target). */
    public static List<DeviceProfile> ofModel(Path modelFile, ProfileOptions options, Progress progress)
            throws IOException {
        List<Board> boards = choose(Boards.builtIn(), options);
        Model model = TfliteReader.read(modelFile);
        requireRunnable(model);
        return profile(model, boards, options.windowBytes().orElse(0), options.sliceMs().orElse(0),
                Optional.empty(), options.estimateOnly(), progress);
    }

    /**
     * The project's int8 model with its window, on the built-in boards and the project's own (or the target); an
     * audio project's with its DSP front end and continuous-mode deadline.
     *
     * @throws IllegalArgumentException when the project has no int8 model, or the one there is not int8
     */
    public static List<DeviceProfile> ofProject(ImpulseProject p, ProfileOptions options, Progress progress)
            throws IOException {
        Path file = p.layout().int8Model();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing; run 'littlebrain train' first");
        }
        ImpulseConfig.Input input = p.config().input();
        int windowBytes = options.windowBytes().orElse(input.modality().windowBytes(p.windowSamples(),
                input.axes().size()));
        // Sound is classified continuously, a slice at a time; a sensor window at once.
        double sliceMs = options.sliceMs().orElse(input.modality().isAudio()
                ? input.windowMs() / (double) p.config().continuous().slices() : 0);
        List<Board> boards = choose(p.config().allBoards(), options);
        Model model = TfliteReader.read(file);
        Int8ModelCheck.require(file, model);
        requireRunnable(model);
        return profile(model, boards, windowBytes, sliceMs, frontEnd(p, model, sliceMs), options.estimateOnly(),
                progress);
    }

    private static List<Board> choose(List<Board> known, ProfileOptions options) {
        if (options.target().isEmpty()) {
            return known;
        }
        String target = options.target().get();
        return List.of(known.stream().filter(b -> b.id().equalsIgnoreCase(target)).findFirst()
                .orElseThrow(() -> new UnknownBoardException(target, known.stream().map(Board::id).toList())));
    }

    /** What 'run' refuses, profile refuses with the same words: preparing every kernel is the one test of support. */
    private static void requireRunnable(Model model) {
        new Interpreter(model);
    }

    private static List<DeviceProfile> profile(Model model, List<Board> boards, int windowBytes, double sliceMs,
            Optional<FrontEnd> frontEnd, boolean estimateOnly, Progress progress) throws IOException {
        Optional<ArmFootprint> arm = estimateOnly ? Optional.empty() : ArmFootprint.of(model);
        Optional<ArmFootprint> armImpulse = estimateOnly || frontEnd.isEmpty() ? Optional.empty()
                : ArmFootprint.ofImpulse(model, frontEnd.get().files());
        if (arm.isPresent() && boards.stream().anyMatch(ArmFootprint::canMeasure)) {
            progress.stage(MEASURING);
        }
        List<DeviceProfile> profiles = new ArrayList<>();
        for (Board b : boards) {
            progress.checkCancelled();
            Optional<ArmFootprint.Footprint> measured = arm.isPresent() ? arm.get().on(b) : Optional.empty();
            Optional<FrontEndEstimate> dsp = frontEnd.map(FrontEnd::estimate);
            if (dsp.isPresent() && measured.isPresent() && armImpulse.isPresent()) {
                // The front end's share: the whole impulse's build less the model's.
                ArmFootprint.Footprint whole = armImpulse.get().on(b).orElseThrow();
                dsp = Optional.of(dsp.get().withMeasured(whole.ramBytes() - measured.get().ramBytes(),
                        whole.flashBytes() - measured.get().flashBytes()));
            }
            profiles.add(DeviceProfile.of(DeviceEstimate.of(model, b, windowBytes, sliceMs, measured, dsp)));
            progress.step(profiles.size(), boards.size());
        }
        return profiles;
    }

    /** An audio impulse's exported front end: its estimate and its C files (for a measured build). */
    private record FrontEnd(FrontEndEstimate estimate, Map<String, String> files) {
    }

    /**
     * The project's DSP and classifier wrapper as a project's deploy exports them, for a slice of {@code sliceMs};
     * empty for an impulse whose DSP has no C form (sensor blocks) or without a slice.
     */
    private static Optional<FrontEnd> frontEnd(ImpulseProject p, Model model, double sliceMs) throws IOException {
        if (!p.config().input().modality().isAudio() || sliceMs <= 0) {
            return Optional.empty();
        }
        DspBlock block = p.block();
        int rate = (int) Math.round(p.config().input().frequencyHz());
        int windowSamples = p.windowSamples();
        int sliceSamples = (int) Math.round(rate * sliceMs / 1000);
        if (sliceSamples <= 0 || sliceSamples > windowSamples) {
            return Optional.empty();
        }
        Optional<FrontEndEstimate> estimate = FrontEndEstimate.of(block, windowSamples, sliceSamples);
        if (estimate.isEmpty()) {
            return Optional.empty();
        }
        // The wrapper's settings do not change its size or speed; the keyword-spotting defaults with this slice.
        ImpulseConfig.Continuous defaults = ImpulseConfig.Continuous.DEFAULTS;
        ContinuousConfig config = new ContinuousConfig(rate, sliceSamples, defaults.average(),
                (float) defaults.threshold(), defaults.suppressionMs(), labels(p, model), ContinuousConfig.SILENT_LABELS);
        ImpulseFrontEnd wrapper = new ImpulseFrontEnd(block, windowSamples, config, p.layout().config().toString());
        return Optional.of(new FrontEnd(estimate.get(), wrapper.files(model, ProjectLayout.INT8_MODEL)));
    }

    /** The model's labels, or (a model copied in and no labels known) one placeholder per model output. */
    private static List<String> labels(ImpulseProject p, Model model) throws IOException {
        Optional<List<String>> known = p.modelLabels();
        if (known.isPresent()) {
            return known.get();
        }
        long outputs = model.mainSubgraph().outputTensor(0).elementCount();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            labels.add("class" + i);
        }
        return labels;
    }
}
