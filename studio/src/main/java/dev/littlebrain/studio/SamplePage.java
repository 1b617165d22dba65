package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a project's samples ({@code GET /api/samples}), filtered by label and split.
 *
 * @param kind     "audio" or "sensor": what the project's input is
 * @param total    samples that pass the filter, on all pages
 * @param labels   every label of the data, for the filter and the relabel choices
 * @param trashed  deleted samples that undo can bring back
 */
public record SamplePage(String kind, int total, int offset, int limit, List<String> labels, int trashed,
        List<SampleRow> samples, @JsonProperty("window_s") double windowS) {
}
