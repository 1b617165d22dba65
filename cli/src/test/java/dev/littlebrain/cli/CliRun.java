package dev.littlebrain.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Result of running the CLI in-process. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LittleBrain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
