package dev.littlebrain.impulse.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bench device} measured on the emulated Cortex-M4F: each model's flash, RAM and instructions per
 * inference next to TFLM's where the MLPerf Tiny README gives them, the models the C generator cannot compile, and
 * the kws template's MFCC update. As JSON (its {@link #json()}) it is {@code bench device --json}'s object.
 */
public record DeviceBenchReport(List<Model> models, List<Skipped> skipped, Optional<DspUpdate> dspUpdate) {

    public DeviceBenchReport {
        models = List.copyOf(models);
        skipped = List.copyOf(skipped);
    }

    /**
     * One model on the device.
     *
     * @param ramBytes      data + bss + stack high-water, as the TFLM baselines count RAM
     * @param instructions  per inference, the mean over the case's examples
     * @param matchesGolden whether the device's outputs equal the case's golden files byte for byte
     * @param tflm          TFLM's figures for the model, where the MLPerf Tiny README has them
     */
    public record Model(String model, long flashBytes, long ramBytes, long instructions, long stackBytes,
            int examples, boolean matchesGolden, Optional<Tflm> tflm) {

        /** Ours over TFLM + CMSIS-NN's, per instruction / flash / RAM; present with TFLM's figures. */
        public Optional<Ratios> cmsisNnRatios() {
            return tflm.map(b -> new Ratios(instructions / (double) b.cmsisNn().instructions(),
                    flashBytes / (double) b.cmsisNn().flashBytes(), ramBytes / (double) b.cmsisNn().ramBytes()));
        }
    }

    /** TFLM's reference-kernel and CMSIS-NN builds of one model. */
    public record Tflm(Figures reference, Figures cmsisNn) {
    }

    /** One firmware's flash (text + rodata + data), RAM (data + bss + stack) and instructions per inference. */
    @JsonPropertyOrder({"flash_bytes", "ram_bytes", "instructions"})
    public record Figures(@JsonProperty("flash_bytes") long flashBytes, @JsonProperty("ram_bytes") long ramBytes,
            long instructions) {
    }

    /** Ours over theirs. */
    public record Ratios(double instructions, double flash, double ram) {
    }

    /** A model the C generator cannot compile, and why. */
    @JsonPropertyOrder({"model", "reason"})
    public record Skipped(String model, String reason) {
    }

    /**
     * One streaming DSP update.
     *
     * @param block    what was measured (the kws template's block)
     * @param updateMs the audio one update takes in
     */
    public record DspUpdate(String block, long instructionsPerUpdate, int updateMs, long stateBytes) {
    }

    /** The models whose outputs on the device differ from their golden files. */
    public List<String> mismatches() {
        return models.stream().filter(m -> !m.matchesGolden()).map(Model::model).toList();
    }

    /** The report as {@code bench device --json} prints it. */
    @JsonValue
    public Json json() {
        return new Json(models.stream().map(DeviceBenchReport::json).toList(), skipped,
                dspUpdate.map(d -> new DspJson("kws template " + d.block(), d.instructionsPerUpdate(), d.updateMs(),
                        d.stateBytes())).orElse(null));
    }

    private static ModelJson json(Model m) {
        Optional<Ratios> q = m.cmsisNnRatios();
        return new ModelJson(m.model(), m.flashBytes(), m.ramBytes(), m.instructions(), m.stackBytes(), m.examples(),
                m.matchesGolden(), m.tflm().map(Tflm::cmsisNn).orElse(null), m.tflm().map(Tflm::reference).orElse(null),
                q.map(r -> round(r.instructions())).orElse(null), q.map(r -> round(r.flash())).orElse(null),
                q.map(r -> round(r.ram())).orElse(null));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** {@code bench device --json}'s object; {@code dsp_update} only when the update was measured. */
    @JsonPropertyOrder({"models", "skipped", "dsp_update"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Json(List<ModelJson> models, List<Skipped> skipped, @JsonProperty("dsp_update") DspJson dspUpdate) {
    }

    /** One model's object; TFLM's figures and the ratios only where the README has the model (else null, left out). */
    @JsonPropertyOrder({"model", "flash_bytes", "ram_bytes", "instructions", "stack_bytes", "examples",
            "matches_golden", "tflm_cmsis_nn", "tflm_reference", "instructions_ratio_cmsis_nn", "flash_ratio_cmsis_nn",
            "ram_ratio_cmsis_nn"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelJson(String model, @JsonProperty("flash_bytes") long flashBytes,
            @JsonProperty("ram_bytes") long ramBytes, long instructions, @JsonProperty("stack_bytes") long stackBytes,
            int examples, @JsonProperty("matches_golden") boolean matchesGolden,
            @JsonProperty("tflm_cmsis_nn") Figures tflmCmsisNn, @JsonProperty("tflm_reference") Figures tflmReference,
            @JsonProperty("instructions_ratio_cmsis_nn") Double instructionsRatio,
            @JsonProperty("flash_ratio_cmsis_nn") Double flashRatio, @JsonProperty("ram_ratio_cmsis_nn") Double ramRatio) {
    }

    /** The DSP update's object. */
    @JsonPropertyOrder({"block", "instructions_per_update", "update_ms", "state_bytes"})
    public record DspJson(String block, @JsonProperty("instructions_per_update") long instructionsPerUpdate,
            @JsonProperty("update_ms") int updateMs, @JsonProperty("state_bytes") long stateBytes) {
    }
}
