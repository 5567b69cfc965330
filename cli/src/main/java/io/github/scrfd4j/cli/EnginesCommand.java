package io.github.scrfd4j.cli;

import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineProviders;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scrfd4j engines}: every engine on the class path, its version, devices, and whether it runs here. */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = {"Lists the inference engines found on the class path (through ServiceLoader): runtime version,"
                + " model formats, devices, and whether each is usable here, with the native library it loaded or"
                + " the reason it cannot run.",
                "'detect --engine auto' (the default) picks the usable engine for the model file's format."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:listed (also when some engine is unusable)",
                "3:no engine is on the class path"})
final class EnginesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            EngineProviders providers = EngineProviders.load();
            if (providers.all().isEmpty()) {
                spec.commandLine().getErr().println("error: no scrfd4j engine on the class path: add an engine"
                        + " artifact such as io.github.scrfd4j:scrfd4j-ort");
                return ExitCodes.MODEL;
            }
            TextTable table = new TextTable().row("ENGINE", "RUNTIME", "VERSION", "FORMATS", "DEVICES", "USABLE",
                    "LIBRARY OR REASON");
            for (EngineProvider p : providers.all()) {
                EngineAvailability a = p.availability();
                table.row(p.name(), p.runtime(), p.version(), String.join(",", p.formats()),
                        String.join(",", p.devices()), a.usable() ? "yes" : "no", a.detail());
            }
            out.print(table);
            out.flush();
            return ExitCodes.OK;
        } catch (RuntimeException | LinkageError e) {
            return ErrorReporter.report(e, spec.commandLine().getErr(), verbose.verbose);
        }
    }
}
