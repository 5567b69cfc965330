package io.github.scrfd4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code scrfd4j} command line: {@code detect} faces in images, list known {@code models} and
 * {@code engines}, {@code verify-engine}. Exit codes are in {@link ExitCodes}.
 */
@Command(name = "scrfd4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SCRFD face detection in Java.",
        subcommands = {DetectCommand.class, ModelsCommand.class, EnginesCommand.class, VerifyEngineCommand.class,
            ConformanceCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_0, ExitCodes.LIST_1,
                ExitCodes.LIST_2, ExitCodes.LIST_3})
public final class Main {
    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        StandardOutput.takeOver();
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
