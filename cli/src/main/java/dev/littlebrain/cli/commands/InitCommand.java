package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.report.WorkflowText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code littlebrain init TEMPLATE DIR}: starts an impulse project with an editable impulse.yaml. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create an impulse project: DIR/impulse.yaml from a template (kws, kws-small, motion, glove).")
public final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "kws, kws-small (a wake word from a few"
            + " dozen clips of your own voice), motion or glove.")
    String template;

    @Parameters(index = "1", paramLabel = "DIR", description = "Project folder (created if missing).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!ImpulseConfig.TEMPLATES.contains(template)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown template '" + template + "'; known templates are " + ImpulseConfig.TEMPLATES);
        }
        Path file = Project.create(dir, template).layout().config();
        WorkflowText.printCreated(template, dir, file, spec.commandLine().getOut());
        return 0;
    }
}
