package dev.littlebrain.impulse.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's int8 model on labelled test streams: the threshold sweep, the suggested and the configured operating
 * points with their keywords and intervals, the suggested point's errors. As JSON (its {@link #json()}) it is
 * {@code test --stream --json}'s object.
 *
 * @param points          one operating point per swept threshold
 * @param suggested       the best of {@code points} for the target false-accept rate
 * @param configured      the project's own threshold (continuous.threshold), not chosen on these streams
 * @param perKeyword      each keyword's points at the swept thresholds (empty with one keyword)
 * @param suggestedBySnr  the suggested point's detection per 5 dB SNR band (empty without SNRs in the truth)
 * @param configuredBySnr the configured point's, likewise
 * @param suggestedKeywordThresholds one threshold per keyword for the target false-accept rate and the point they
 *        give (null with one keyword)
 * @param utterances      keyword utterances in the ground truth
 * @param words           words of any label in the ground truth
 * @param streams         stream files
 * @param applied         whether the suggested threshold was written to the project
 */
public record StreamReport(List<StreamEvaluation.Point> points, StreamEvaluation.Point suggested,
        StreamEvaluation.Point configured, List<StreamEvaluation.KeywordResult> suggestedPerKeyword,
        List<StreamEvaluation.KeywordResult> configuredPerKeyword, StreamEvaluation.Errors suggestedErrors,
        Map<String, List<StreamEvaluation.Point>> perKeyword, List<SnrBands.Band> suggestedBySnr,
        List<SnrBands.Band> configuredBySnr, KeywordThresholds.Suggestion suggestedKeywordThresholds,
        StreamEvaluation.Recording recording,
        ContinuousConfig config, int windowSamples, Set<String> keywords, int utterances, int words, int streams,
        boolean applied) {

    /** The keyword-spotting acceptance target: this detection rate at most this many false accepts per hour. */
    public static final double TARGET_DETECTION_RATE = 0.8;
    public static final double TARGET_FA_PER_HOUR = 10;

    /** Whether the suggested point meets the target. */
    public boolean targetMet() {
        return suggested.falseAcceptsPerHour() <= TARGET_FA_PER_HOUR && suggested.detectionRate() >= TARGET_DETECTION_RATE;
    }

    /** The same report, saying whether the suggested threshold was written to the project. */
    public StreamReport withApplied(boolean written) {
        return new StreamReport(points, suggested, configured, suggestedPerKeyword, configuredPerKeyword,
                suggestedErrors, perKeyword, suggestedBySnr, configuredBySnr, suggestedKeywordThresholds, recording,
                config, windowSamples, keywords, utterances, words, streams,
                written);
    }

    /**
     * Whether one threshold per keyword finds more keywords than the suggested pooled threshold within the target
     * false-accept rate: then {@code --apply} writes them.
     */
    public boolean keywordThresholdsWin() {
        return suggestedKeywordThresholds != null
                && suggestedKeywordThresholds.point().falseAcceptsPerHour() <= TARGET_FA_PER_HOUR
                && (suggestedKeywordThresholds.point().hits() > suggested.hits()
                        || suggested.falseAcceptsPerHour() > TARGET_FA_PER_HOUR);
    }

    /** The 95 % interval of a point's detection rate, keywords counted as independent; null without keywords. */
    public Interval detectionInterval(StreamEvaluation.Point pt) {
        return utterances > 0 ? Interval.ofProportion(pt.hits(), utterances) : null;
    }

    /** The 95 % interval of a point's false accepts per hour; null without audio. */
    public Interval falseAcceptInterval(StreamEvaluation.Point pt) {
        return recording.audioSeconds() > 0 ? Interval.ofRate(pt.falseAccepts(), recording.audioSeconds() / 3600)
                : null;
    }

    /** The report as {@code test --stream --json} prints it. */
    @JsonValue
    public Json json() {
        List<PointJson> sweep = new ArrayList<>();
        for (StreamEvaluation.Point pt : points) {
            sweep.add(point(pt));
        }
        // Each keyword's own sweep: what one threshold per keyword would give (its false accepts are the
        // detections in its name, so the keywords' points add up to a pooled one, suppression aside).
        Map<String, List<SweepJson>> sweeps = new LinkedHashMap<>();
        perKeyword.forEach((label, kp) -> sweeps.put(label, kp.stream().map(pt -> new SweepJson(
                Math.round(pt.threshold() * 100) / 100.0, pt.detectionRate(), pt.hits(), pt.falseAccepts())).toList()));
        return new Json(sweep, point(suggested), point(configured), keywords(suggestedPerKeyword),
                keywords(configuredPerKeyword), sweeps, SnrBands.json(suggestedBySnr), SnrBands.json(configuredBySnr),
                suggestedKeywordThresholds == null ? null : new OwnThresholdsJson(
                        suggestedKeywordThresholds.thresholds(), point(suggestedKeywordThresholds.point()),
                        keywords(suggestedKeywordThresholds.perKeyword()), keywordThresholdsWin()),
                ErrorsJson.of(suggestedErrors), applied,
                new Target(TARGET_DETECTION_RATE, TARGET_FA_PER_HOUR, targetMet()), recording.audioSeconds(),
                utterances, List.copyOf(keywords), recording.realTimeFactor());
    }

    private PointJson point(StreamEvaluation.Point pt) {
        Interval d = detectionInterval(pt);
        Interval fa = falseAcceptInterval(pt);
        Interval.Clustered s = pt.bySpeaker();
        return new PointJson(Math.round(pt.threshold() * 100) / 100.0, pt.detectionRate(), pt.falseAcceptsPerHour(),
                pt.hits(), pt.falseAccepts(), d == null ? null : List.of(d.low(), d.high()),
                fa == null ? null : List.of(fa.low(), fa.high()),
                s == null ? null : List.of(s.interval().low(), s.interval().high()), s == null ? null : s.clusters(),
                s == null ? null : s.designEffect(), Double.isNaN(pt.meanLatencyMs()) ? null : pt.meanLatencyMs());
    }

    private static List<KeywordJson> keywords(List<StreamEvaluation.KeywordResult> results) {
        return results.stream().map(r -> new KeywordJson(r.label(), r.utterances(), r.hits(), r.detectionRate(),
                r.falseAccepts(), r.falseAcceptsPerHour())).toList();
    }

    /** {@code test --stream --json}'s object. */
    @JsonPropertyOrder({"thresholds", "suggested", "configured", "suggested_per_keyword", "configured_per_keyword",
        "per_keyword_sweep", "suggested_by_snr", "configured_by_snr", "suggested_keyword_thresholds",
        "suggested_errors", "applied", "target", "stream_seconds", "utterances", "keywords", "real_time_factor"})
    public record Json(List<PointJson> thresholds, PointJson suggested, PointJson configured,
            @JsonProperty("suggested_per_keyword") List<KeywordJson> suggestedPerKeyword,
            @JsonProperty("configured_per_keyword") List<KeywordJson> configuredPerKeyword,
            @JsonProperty("per_keyword_sweep") Map<String, List<SweepJson>> perKeywordSweep,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("suggested_by_snr")
            List<SnrBands.BandJson> suggestedBySnr,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("configured_by_snr")
            List<SnrBands.BandJson> configuredBySnr,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("suggested_keyword_thresholds")
            OwnThresholdsJson suggestedKeywordThresholds,
            @JsonProperty("suggested_errors") ErrorsJson suggestedErrors, boolean applied, Target target,
            @JsonProperty("stream_seconds") double streamSeconds, int utterances, List<String> keywords,
            @JsonProperty("real_time_factor") double realTimeFactor) {
    }

    /** The acceptance target and whether the suggested point meets it. */
    @JsonPropertyOrder({"min_detection_rate", "max_false_accepts_per_hour", "met"})
    public record Target(@JsonProperty("min_detection_rate") double minDetectionRate,
            @JsonProperty("max_false_accepts_per_hour") double maxFalseAcceptsPerHour, boolean met) {
    }

    /** One operating point with its 95 % intervals (those that exist) and mean latency (null without hits). */
    @JsonPropertyOrder({"threshold", "detection_rate", "false_accepts_per_hour", "hits", "false_accepts",
        "detection_rate_95ci", "false_accepts_per_hour_95ci", "detection_rate_95ci_by_speaker", "speakers",
        "design_effect", "mean_latency_ms"})
    public record PointJson(double threshold, @JsonProperty("detection_rate") double detectionRate,
            @JsonProperty("false_accepts_per_hour") double falseAcceptsPerHour, int hits,
            @JsonProperty("false_accepts") int falseAccepts,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("detection_rate_95ci")
            List<Double> detectionRate95ci,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("false_accepts_per_hour_95ci")
            List<Double> falseAcceptsPerHour95ci,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("detection_rate_95ci_by_speaker")
            List<Double> detectionRate95ciBySpeaker,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer speakers,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("design_effect") Double designEffect,
            @JsonProperty("mean_latency_ms") Double meanLatencyMs) {
    }

    /** One threshold per keyword: the thresholds, their point, each keyword's share, and whether they win. */
    @JsonPropertyOrder({"thresholds", "point", "per_keyword", "better_than_one_threshold"})
    public record OwnThresholdsJson(Map<String, Float> thresholds, PointJson point,
            @JsonProperty("per_keyword") List<KeywordJson> perKeyword,
            @JsonProperty("better_than_one_threshold") boolean betterThanOneThreshold) {
    }

    /** One threshold of one keyword's own sweep. */
    @JsonPropertyOrder({"threshold", "detection_rate", "hits", "false_accepts"})
    public record SweepJson(double threshold, @JsonProperty("detection_rate") double detectionRate, int hits,
            @JsonProperty("false_accepts") int falseAccepts) {
    }

    /** One keyword's share of an operating point. */
    @JsonPropertyOrder({"label", "utterances", "hits", "detection_rate", "false_accepts", "false_accepts_per_hour"})
    public record KeywordJson(String label, int utterances, int hits, @JsonProperty("detection_rate") double detectionRate,
            @JsonProperty("false_accepts") int falseAccepts,
            @JsonProperty("false_accepts_per_hour") double falseAcceptsPerHour) {
    }

    /** A point's misses and false accepts, every one of them. */
    @JsonPropertyOrder({"misses", "false_accepts"})
    public record ErrorsJson(List<UtteranceJson> misses, @JsonProperty("false_accepts") List<FalseAcceptJson> falseAccepts) {
        static ErrorsJson of(StreamEvaluation.Errors errors) {
            return new ErrorsJson(errors.misses().stream().map(UtteranceJson::of).toList(),
                    errors.falseAccepts().stream().map(f -> new FalseAcceptJson(f.file(), f.detection().label(),
                            f.detection().timeMs(), f.detection().score(),
                            f.nearby().stream().map(UtteranceJson::of).toList())).toList());
        }
    }

    /** A word of the ground truth. */
    @JsonPropertyOrder({"file", "label", "start_ms", "end_ms"})
    public record UtteranceJson(String file, String label, @JsonProperty("start_ms") long startMs,
            @JsonProperty("end_ms") long endMs) {
        static UtteranceJson of(StreamEvaluation.Utterance u) {
            return new UtteranceJson(u.file(), u.label(), u.startMs(), u.endMs());
        }
    }

    /** A detection that matched no keyword utterance, with the words near it. */
    @JsonPropertyOrder({"file", "label", "time_ms", "score", "nearby"})
    public record FalseAcceptJson(String file, String label, @JsonProperty("time_ms") long timeMs, float score,
            List<UtteranceJson> nearby) {
    }
}
