package io.millrace.cli.command;

import picocli.CommandLine.IVersionProvider;

/** {@code millrace --version}: the jar's version (set by the build), "dev" when run from classes. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] { "millrace " + (version == null ? "dev" : version) };
    }
}
