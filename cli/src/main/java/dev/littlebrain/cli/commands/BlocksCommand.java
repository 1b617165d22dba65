package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.BlockCatalog;
import dev.littlebrain.impulse.report.BlockCatalogText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain blocks [--json]}: the DSP blocks and learn presets an impulse can use, each with its parameters
 * (kind, default, range or allowed values, help). The JSON is the schema records themselves ({@link BlockCatalog}).
 */
@Command(name = "blocks", mixinStandardHelpOptions = true,
        description = "List the DSP blocks and learn presets with their parameters (impulse.yaml's dsp.block,"
                + " dsp.parameters, learn.preset).")
public final class BlocksCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the parameter schemas as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BlockCatalog catalog = BlockCatalog.all();
        if (json) {
            // A schema file's spelling: kinds and modalities lower case, as impulse.yaml writes them.
            out.println(Json.indented().with(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                    .writeValueAsString(catalog));
        } else {
            BlockCatalogText.print(catalog, out);
        }
        out.flush();
        return 0;
    }
}
