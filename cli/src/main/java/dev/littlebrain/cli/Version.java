package dev.littlebrain.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (or "development" when run from classes). */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = LittleBrain.class.getPackage().getImplementationVersion();
        return new String[] {"littlebrain " + (v == null ? "development" : v)};
    }
}
