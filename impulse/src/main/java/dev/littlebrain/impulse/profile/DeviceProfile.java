package dev.littlebrain.impulse.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.littlebrain.deploy.profile.DeviceEstimate;
import java.util.Optional;

/**
 * A model (or a project's impulse) on one board, as LittleBrain's standalone C: RAM, flash, time per inference and
 * whether it fits. As JSON (its {@link #json()}) it is one board's object of {@code profile --json}.
 *
 * @param ramBytes      tensor arena (or measured static data) + input window + stack + the front end's RAM
 * @param flashBytes    weights + kernel code (measured or the allowance) + the front end's code and tables
 * @param instructions  instructions of one inference, from the calibrated instruction model
 * @param frontEnd      an impulse's streaming DSP and classifier wrapper, when profiled with them
 * @param sliceMs       the continuous-mode deadline; 0 for none
 * @param meetsDeadline whether one DSP update and one inference finish within a slice (true without a deadline)
 * @param measured      whether flash and static RAM come from an arm-none-eabi-gcc build
 */
public record DeviceProfile(String board, String core, int ramBytes, int arenaBytes, long flashBytes,
        long weightsBytes, long instructions, double inferenceMs, boolean fitsRam, boolean fitsFlash,
        Optional<FrontEnd> frontEnd, double sliceMs, boolean meetsDeadline, boolean measured) {

    /** What the footprint field says of a measured one. */
    public static final String MEASURED = "measured (arm-none-eabi-gcc -O2)";
    public static final String ESTIMATED = "estimated";

    /**
     * The DSP front end on the board.
     *
     * @param instructionsPerUpdate instructions of one streaming DSP update on the board's core
     * @param msPerUpdate           their time on the board
     * @param ramBytes              static RAM of the DSP and wrapper
     * @param flashBytes            their code and tables
     */
    public record FrontEnd(long instructionsPerUpdate, double msPerUpdate, long ramBytes, long flashBytes) {
    }

    /** The record of {@code e}. */
    static DeviceProfile of(DeviceEstimate e) {
        Optional<FrontEnd> frontEnd = e.hasFrontEnd()
                ? Optional.of(new FrontEnd(e.dspInstructions(), e.dspMs(), e.dspRamBytes(), e.dspFlashBytes()))
                : Optional.empty();
        return new DeviceProfile(e.board().id(), e.board().core(), e.ramBytes(), e.arenaBytes(), e.flashBytes(),
                e.weightsBytes(), e.instructions(), e.inferenceMs(), e.fitsRam(), e.fitsFlash(), frontEnd, e.sliceMs(),
                e.meetsDeadline(), e.measured());
    }

    /** How flash and RAM were found: {@link #MEASURED} or {@link #ESTIMATED}. */
    public String footprint() {
        return measured ? MEASURED : ESTIMATED;
    }

    /** The record as {@code profile --json} prints it: the front end's fields only when there is one. */
    @JsonValue
    public Json json() {
        return new Json(board, ramBytes, arenaBytes, flashBytes, weightsBytes, instructions, inferenceMs, fitsRam,
                fitsFlash, frontEnd.map(FrontEnd::instructionsPerUpdate).orElse(null),
                frontEnd.map(FrontEnd::msPerUpdate).orElse(null), frontEnd.map(FrontEnd::ramBytes).orElse(null),
                frontEnd.map(FrontEnd::flashBytes).orElse(null), sliceMs, meetsDeadline, footprint());
    }

    /** One board's object of {@code profile --json}; the {@code dsp_} fields are left out (null) without a front end. */
    @JsonPropertyOrder({"board", "ram_bytes", "arena_bytes", "flash_bytes", "weights_bytes", "instructions",
            "inference_ms", "fits_ram", "fits_flash", "dsp_instructions_per_update", "dsp_ms_per_update",
            "dsp_ram_bytes", "dsp_flash_bytes", "slice_ms", "meets_deadline", "footprint"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Json(String board, @JsonProperty("ram_bytes") int ramBytes,
            @JsonProperty("arena_bytes") int arenaBytes, @JsonProperty("flash_bytes") long flashBytes,
            @JsonProperty("weights_bytes") long weightsBytes, long instructions,
            @JsonProperty("inference_ms") double inferenceMs, @JsonProperty("fits_ram") boolean fitsRam,
            @JsonProperty("fits_flash") boolean fitsFlash,
            @JsonProperty("dsp_instructions_per_update") Long dspInstructionsPerUpdate,
            @JsonProperty("dsp_ms_per_update") Double dspMsPerUpdate,
            @JsonProperty("dsp_ram_bytes") Long dspRamBytes, @JsonProperty("dsp_flash_bytes") Long dspFlashBytes,
            @JsonProperty("slice_ms") double sliceMs, @JsonProperty("meets_deadline") boolean meetsDeadline,
            String footprint) {
    }
}
