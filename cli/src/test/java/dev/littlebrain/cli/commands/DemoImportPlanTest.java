package dev.littlebrain.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.littlebrain.data.curate.KwsCurationOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo echoes "data import DATASET --keywords yes,no --unknown --noise" but calls the library with
 * {@code KwsCurationOptions.defaults}: both must curate the same way, or the echoed command would not reproduce the
 * demo's project.
 */
class DemoImportPlanTest {

    private static KwsCurationOptions parsed(String... args) {
        DataCommand.Import command = new DataCommand.Import();
        new CommandLine(command).parseArgs(args);
        return command.kws.toOptions();
    }

    @Test
    void theEchoedImportOptionsAreTheDemosCuration() {
        assertEquals(KwsCurationOptions.defaults(List.of("yes", "no")),
                parsed("dataset", "--keywords", "yes,no", "--unknown", "--noise"));
    }

    @Test
    void anotherOptionWouldBeSeen() {
        assertNotEquals(KwsCurationOptions.defaults(List.of("yes", "no")),
                parsed("dataset", "--keywords", "yes,no", "--unknown", "--noise", "--seed", "2"));
    }
}
