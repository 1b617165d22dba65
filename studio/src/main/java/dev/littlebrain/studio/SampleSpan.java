package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /api/samples/{id}/crop}: the span of the sample to keep, in ms from its start. */
public record SampleSpan(@JsonProperty("start_ms") Long startMs, @JsonProperty("end_ms") Long endMs) {
}
