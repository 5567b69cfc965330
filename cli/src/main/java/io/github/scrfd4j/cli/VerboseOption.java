package io.github.scrfd4j.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: stack traces with error messages. */
final class VerboseOption {
    @Option(names = "--verbose", order = 13, description = "Print stack traces with errors.")
    boolean verbose;
}
