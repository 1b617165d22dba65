package dev.littlebrain.impulse.data;

import dev.littlebrain.data.curate.KwsCurationOptions;
import java.util.Optional;

/**
 * What an import does with a dataset folder: copy sensor samples as they are, or curate keyword-spotting windows.
 *
 * @param curation       keyword-spotting curation (keywords, _unknown_, _noise_, augmentation); empty: sensor
 *                       samples are copied as they are, and audio is only listed (it is written by curation)
 * @param bundled        add the other-word clips and background recordings shipped with LittleBrain (for a folder
 *                       of one's own keyword recordings, which has neither); with curation only, whose options should
 *                       then ask for _unknown_ and _noise_
 * @param validationFold validate on this fold of the training speakers instead of the dataset's validation split
 */
public record ImportPlan(Optional<KwsCurationOptions> curation, boolean bundled,
        Optional<ValidationFold> validationFold) {

    public ImportPlan {
        if (curation.isEmpty() && (bundled || validationFold.isPresent())) {
            throw new IllegalArgumentException("bundled material and validation folds are for keyword curation");
        }
    }

    /** Sensor samples copied into the project as they are. */
    public static ImportPlan asIs() {
        return new ImportPlan(Optional.empty(), false, Optional.empty());
    }

    /** Keyword-spotting windows curated from the dataset. */
    public static ImportPlan keywordSpotting(KwsCurationOptions options) {
        return new ImportPlan(Optional.of(options), false, Optional.empty());
    }

    public ImportPlan withBundled(boolean bundled) {
        return new ImportPlan(curation, bundled, validationFold);
    }

    public ImportPlan withValidationFold(Optional<ValidationFold> fold) {
        return new ImportPlan(curation, bundled, fold);
    }
}
