package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.features.SampleLoader;
import dev.littlebrain.deploy.profile.Board;
import dev.littlebrain.deploy.profile.FrontEndEstimate;
import dev.littlebrain.deploy.profile.LatencyModel;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.FeatureShape;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The features of one sample under DSP settings the user is trying ({@code POST /api/impulse/preview}), as the
 * frames × coefficients matrix the page draws, with the DSP block's cost on the target board: what {@code profile}
 * adds for the impulse's streaming front end.
 *
 * @param values   one row per frame, one column per coefficient
 * @param estimate empty for a block without a streaming C front end (the sensor blocks); {@code note} says so
 */
public record FeaturePreview(String sample, String label, int frames, int coefficients,
        @JsonProperty("coefficient_labels") List<String> coefficientLabels, float[][] values, float min, float max,
        Optional<DspEstimate> estimate, String note) {

    /** What the page asks: a sample, the input's window (absent: impulse.yaml's) and the DSP block to try. */
    public record Request(String sample, Optional<ImpulseChange.Input> input, ImpulseChange.Dsp dsp) {
    }

    /**
     * The DSP front end on the target board, for one streaming update (a slice of the window, as the deployed
     * classifier runs it).
     */
    public record DspEstimate(String board, @JsonProperty("slice_ms") double sliceMs,
            @JsonProperty("instructions_per_update") long instructionsPerUpdate,
            @JsonProperty("ms_per_update") double msPerUpdate, @JsonProperty("ram_bytes") long ramBytes,
            @JsonProperty("flash_bytes") long flashBytes) {
    }

    static FeaturePreview of(Project project, Request request) throws IOException {
        if (request.sample() == null || request.dsp() == null || request.dsp().block() == null) {
            throw StudioException.badRequest("a preview needs {sample, dsp: {block, parameters}}");
        }
        ImpulseConfig config = project.impulse();
        ImpulseConfig.Input configured = config.input();
        int windowMs = request.input().flatMap(ImpulseChange.Input::windowMs).orElse(configured.windowMs());
        if (windowMs <= 0 || windowMs > 60_000) {
            throw StudioException.badRequest("input.window_ms: must be in 1..60000, got " + windowMs);
        }
        ImpulseConfig.Input input = new ImpulseConfig.Input(configured.type(), configured.frequencyHz(), windowMs,
                configured.axes());
        DspBlock block;
        try {
            block = DspBlocks.create(request.dsp().block(), input.signal(),
                    request.dsp().parameters() == null ? Map.of() : request.dsp().parameters());
        } catch (IllegalArgumentException e) {
            throw StudioException.badRequest(e.getMessage());
        }
        Manifest manifest = manifest(project);
        Sample sample = find(project, manifest, request.sample());
        boolean audio = input.modality().isAudio();
        int windowSamples = input.windowSamples();
        float[] features;
        FeatureShape shape;
        try {
            // A window too short for the block's frames is the user's setting, refused like a bad parameter.
            shape = block.acceptsAnyLength() ? null : block.outputShape(windowSamples);
            features = new ImpulseProject.BlockExtractor(block, windowSamples, audio).extract(
                    SampleLoader.standard(AudioRequirement.strict(manifest.sampleRate())).load(sample));
        } catch (IllegalArgumentException e) {
            throw StudioException.badRequest(request.sample() + ": " + e.getMessage());
        }
        for (float v : features) {
            if (!Float.isFinite(v)) {
                // The spectral block's statistics of a one-sample window, for one: the block does not refuse it.
                throw StudioException.badRequest(request.sample() + ": the " + block.name() + " block gives"
                        + " non-finite features (NaN or infinite) for a window of " + windowSamples
                        + " samples per axis; try a longer window or other parameters");
            }
        }
        int coefficients = shape != null ? shape.coefficients() : features.length;
        int frames = features.length / Math.max(1, coefficients);
        float[][] rows = rows(features, frames, coefficients);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : features) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        List<String> labels = shape != null ? shape.coefficientLabels() : List.of();
        Optional<DspEstimate> estimate = audio ? estimate(config, block, windowSamples) : Optional.empty();
        String note = estimate.isPresent() ? "" : "the " + block.name() + " block has no streaming C front end to"
                + " profile; its features are computed by the application before the model runs";
        return new FeaturePreview(request.sample(), sample.label(), frames, coefficients, labels, rows, min, max,
                estimate, note);
    }

    /** The flat features, frame-major as the blocks give them, as one row per frame. */
    private static float[][] rows(float[] features, int frames, int coefficients) {
        float[][] rows = new float[frames][];
        for (int f = 0; f < frames; f++) {
            rows[f] = Arrays.copyOfRange(features, f * coefficients, (f + 1) * coefficients);
        }
        return rows;
    }

    private static Manifest manifest(Project project) throws IOException {
        if (!Files.isRegularFile(project.layout().data().resolve(Manifest.FILE_NAME))) {
            throw StudioException.notFound("the project has no data yet: import some first");
        }
        return Manifest.read(project.layout().data());
    }

    /** The sample of data/ that manifest.json lists at {@code id}; nothing outside the list is read. */
    private static Sample find(Project project, Manifest manifest, String id) {
        return manifest.toDataset(project.layout().data()).samples().stream()
                .filter(s -> project.layout().data().relativize(s.source()).toString().replace('\\', '/').equals(id))
                .findFirst().orElseThrow(() -> StudioException.notFound("no sample '" + id + "' in the project's data"));
    }

    /**
     * The front end's cost as {@code profile} reckons it: one update per slice of the window (impulse.yaml's
     * continuous.slices), on the target board.
     */
    private static Optional<DspEstimate> estimate(ImpulseConfig config, DspBlock block, int windowSamples) {
        int sliceSamples = windowSamples / config.continuous().slices();
        if (sliceSamples <= 0) {
            return Optional.empty();
        }
        Board board = config.targetBoard();
        return FrontEndEstimate.of(block, windowSamples, sliceSamples).map(e -> {
            long instructions = e.instructionsOn(board);
            return new DspEstimate(board.id(), 1000.0 * sliceSamples / config.input().frequencyHz(), instructions,
                    LatencyModel.milliseconds(instructions, board), e.ramBytes(), e.flashBytes());
        });
    }
}
