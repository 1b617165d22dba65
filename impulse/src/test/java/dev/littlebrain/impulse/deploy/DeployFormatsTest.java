package dev.littlebrain.impulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.files.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry answers what {@code deploy --format} used to hard-code: names, spellings, what each format reads. */
class DeployFormatsTest {

    @Test
    void everyFormatIsFoundByItsNameInAnySpelling() {
        List<String> names = DeployFormats.all().stream().map(DeployFormat::name).toList();
        assertEquals(List.of("tflite", "c-array", "c-standalone", "tflm-cpp", "arduino"), names);
        for (DeployFormat f : DeployFormats.all()) {
            assertEquals(Optional.of(f), DeployFormats.find(f.name()));
            assertEquals(Optional.of(f), DeployFormats.find(f.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        }
        assertEquals(Optional.empty(), DeployFormats.find("zip"));
        assertEquals(Optional.empty(), DeployFormats.find("c standalone"));
        assertEquals("tflite, c-array, c-standalone, tflm-cpp or arduino", DeployFormats.choices());
    }

    @Test
    void theByteCopyFormatsCarryNoLabelsAndNoFrontEnd() {
        for (DeployFormat f : List.of(DeployFormats.TFLITE, DeployFormats.C_ARRAY)) {
            assertFalse(f.carriesLabels(), f.name());
            assertFalse(f.carriesFrontEnd(), f.name());
        }
        for (DeployFormat f : List.of(DeployFormats.C_STANDALONE, DeployFormats.TFLM_CPP, DeployFormats.ARDUINO)) {
            assertTrue(f.carriesLabels() && f.carriesFrontEnd(), f.name());
        }
        assertTrue(DeployFormats.C_ARRAY.options().contains(DeployOption.SYMBOL));
        assertTrue(DeployFormats.ARDUINO.options().contains(DeployOption.LIBRARY_NAME));
    }

    @Test
    void aDescriptorIsJsonWithoutItsExporter() throws Exception {
        String json = Json.compact().writeValueAsString(DeployFormats.C_ARRAY);
        assertEquals("{\"name\":\"c-array\",\"title\":\"C array for TensorFlow Lite Micro\",\"writes\":\"model_data.h"
                + " and model_data.c holding the .tflite bytes\",\"options\":[\"symbol\"]}", json);
        String arduino = Json.mapper().valueToTree(DeployFormats.ARDUINO)
                .get("options").toString();
        assertEquals("[\"library_name\",\"labels\",\"continuous\"]", arduino, "in declaration order");
    }
}
