package dev.littlebrain.deploy.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TflmBaselinesTest {
    private static final String README = """
            # MLPerf Tiny

            | case | task | MACs | int8 input |
            |---|---|---|---|
            | `mlperf_kws_ref_model` | keyword spotting, DS-CNN (12 classes) | 2.66 M | [1,49,10,1] MFCC |

            | model | TFLM reference: flash / RAM / instructions | TFLM + CMSIS-NN: flash / RAM / instructions |
            |---|---|---|
            | kws_ref_model | 98,356 / 24,932 / 43.03 M | 141,244 / 25,560 / 7.70 M |
            | resnet (pretrainedResnet_quant) | 147,520 / 59,180 / 107.38 M | 180,792 / 60,312 / 29.87 M |
            | conv1d_kws_int8 | 64,212 / 6,916 / 374,300 | 95,704 / 7,720 / 137,120 |
            """;

    @Test
    void readsBothBuildsOfEachRowAndMatchesCaseNames() {
        TflmBaselines b = TflmBaselines.parse(README);
        assertEquals(3, b.size(), "the MACs table is not a baseline row");
        TflmBaselines.Baseline kws = b.forCase("mlperf_kws_ref_model").orElseThrow();
        assertEquals(new TflmBaselines.Figures(98_356, 24_932, 43_030_000), kws.reference());
        assertEquals(new TflmBaselines.Figures(141_244, 25_560, 7_700_000), kws.cmsisNn());
        assertEquals(29_870_000, b.forCase("mlperf_resnet_int8").orElseThrow().cmsisNn().instructions());
        assertEquals(137_120, b.forCase("conv1d_kws_int8").orElseThrow().cmsisNn().instructions());
        assertTrue(b.forCase("mlperf_str_ww_int8").isEmpty());
        assertTrue(b.forCase("conv1d_kws_int8_float_io").isEmpty(), "a longer name is another case");
    }
}
