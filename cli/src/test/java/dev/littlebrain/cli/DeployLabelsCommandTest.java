package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy MODEL --labels}: the labels reach lb_model.h, are checked against the output, and --project refuses them. */
class DeployLabelsCommandTest {

    @Test
    void labelsReachTheModelHeaderOfEveryCFormat(@TempDir Path tmp) throws Exception {
        Path model = SharedFolder.require("conformance").resolve("dense_gesture_int8/model.tflite");
        String labels = labelsFor(model);
        for (String format : new String[] {"c-standalone", "tflm-cpp"}) {
            Path out = tmp.resolve(format);
            CliRun d = CliRun.of("deploy", model.toString(), "--format", format, "--out", out.toString(),
                    "--labels", labels);
            assertEquals(0, d.exitCode(), d.err());
            String header = Files.readString(out.resolve("lb_model.h"));
            assertTrue(header.contains("#define LB_MODEL_LABELS { \"" + labels.replace(",", "\", \"") + "\" }"),
                    header);
            assertTrue(header.contains("#define LB_MODEL_INPUT_SCALE "), header);
        }
    }

    @Test
    void wrongLabelCountIsOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path model = SharedFolder.require("conformance").resolve("dense_gesture_int8/model.tflite");
        Path out = tmp.resolve("out");
        CliRun d = CliRun.of("deploy", model.toString(), "--format", "c-standalone", "--out", out.toString(),
                "--labels", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q");
        assertEquals(1, d.exitCode(), d.out() + d.err());
        assertEquals(1, d.err().strip().lines().count(), d.err());
        assertTrue(d.err().contains("17 labels given, but the model's output holds"), d.err());
        assertFalse(Files.exists(out.resolve("lb_model.h")));
    }

    @Test
    void projectExportsRefuseLabels(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("motion");
        assertEquals(0, CliRun.of("init", "motion", p.toString()).exitCode());
        CliRun d = CliRun.of("deploy", "--project", p.toString(), "--format", "c-standalone", "--out",
                tmp.resolve("out").toString(), "--labels", "a,b");
        assertEquals(2, d.exitCode(), d.out() + d.err());
        assertTrue(d.err().contains("--labels is for a MODEL.tflite export"), d.err());
    }

    /** One label per output score of {@code model}: g0,g1,... */
    private static String labelsFor(Path model) throws Exception {
        var graph = dev.littlebrain.tflite.TfliteReader.read(model).mainSubgraph();
        long scores = graph.tensor(graph.outputs().get(0)).elementCount();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < scores; i++) {
            b.append(i == 0 ? "" : ",").append("g").append(i);
        }
        return b.toString();
    }
}
