package dev.littlebrain.impulse.deploy;

import dev.littlebrain.deploy.ImpulseCExport;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.Model;
import java.util.Map;

/**
 * What a project's export adds to its model: the DSP block over the project's window and the classifier wrapper
 * with its continuous settings.
 *
 * @param windowSamples  samples per window (per axis for a sensor block)
 * @param config         labels and {@code run_classifier_continuous}'s settings
 * @param settingsSource where block and settings came from, for the banners (the project's impulse.yaml)
 */
public record ImpulseFrontEnd(DspBlock block, int windowSamples, ContinuousConfig config, String settingsSource) {

    /** The DSP and wrapper's C files ({@code lb_dsp.*}, {@code lb_classifier.*}), calling the model's lb_invoke. */
    public Map<String, String> files(Model model, String modelSource) {
        return ImpulseCExport.frontEnd(model, modelSource, block, windowSamples, config, settingsSource);
    }
}
